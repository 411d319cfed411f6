// Greyscale conversion (METHODS.md section 1) against hand-computed ITU-R 601-2 luma.
#include <QtTest>

#include "imaging/gray_histogram.h"

using namespace nofade;

class GrayConversionTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void lumaByHand()
    {
        // (19595 R + 38470 G + 7471 B + 32768) >> 16
        QCOMPARE(int(luma601(255, 255, 255)), 255); // (65536*255 + 32768) >> 16 = 255
        QCOMPARE(int(luma601(255, 0, 0)), 76);      // 5029493 >> 16 = 76 (PIL: red -> 76)
        QCOMPARE(int(luma601(0, 255, 0)), 150);     // 9842618 >> 16 = 150
        QCOMPARE(int(luma601(0, 0, 255)), 29);      // 1937873 >> 16 = 29
        QCOMPARE(int(luma601(0, 0, 0)), 0);
        // Grey stays grey: (65536 v + 32768) >> 16 = v for every v.
        for (unsigned v = 0; v < 256; ++v)
            QCOMPARE(unsigned(luma601(v, v, v)), v);
        // Round half up: 19595*10 + 38470*20 + 7471*30 + 32768 = 1195118 -> 18.236 -> 18
        QCOMPARE(int(luma601(10, 20, 30)), 18);
    }

    void bgrImageUsesLumaOfEachPixel()
    {
        cv::Mat bgr(1, 3, CV_8UC3);
        bgr.at<cv::Vec3b>(0, 0) = {0, 0, 255}; // red in BGR order -> 76
        bgr.at<cv::Vec3b>(0, 1) = {0, 255, 0}; // green -> 150
        bgr.at<cv::Vec3b>(0, 2) = {255, 0, 0}; // blue -> 29
        IntensityHistogram h{};
        QString error;
        QVERIFY(accumulateGrayHistogram(bgr, h, &error));
        QCOMPARE(h[76], 1u);
        QCOMPARE(h[150], 1u);
        QCOMPARE(h[29], 1u);
        const cv::Mat grey = toGray8(bgr);
        QCOMPARE(int(grey.at<std::uint8_t>(0, 0)), 76);
        QCOMPARE(int(grey.at<std::uint8_t>(0, 2)), 29);
    }

    void alphaIsIgnored()
    {
        cv::Mat bgra(2, 2, CV_8UC4, cv::Scalar(0, 0, 255, 0));
        bgra.at<cv::Vec4b>(1, 1) = {0, 0, 255, 255};
        IntensityHistogram h{};
        QString error;
        QVERIFY(accumulateGrayHistogram(bgra, h, &error));
        QCOMPARE(h[76], 4u);
    }

    void sixteenBitKeepsTheHighByte()
    {
        cv::Mat wide(1, 4, CV_16UC1);
        wide.at<std::uint16_t>(0, 0) = 0x0000;
        wide.at<std::uint16_t>(0, 1) = 0x01FF; // -> 0x01
        wide.at<std::uint16_t>(0, 2) = 0xFF00; // -> 0xFF
        wide.at<std::uint16_t>(0, 3) = 0xFFFF; // -> 0xFF
        IntensityHistogram h{};
        QString error;
        QVERIFY(accumulateGrayHistogram(wide, h, &error));
        QCOMPARE(h[0], 1u);
        QCOMPARE(h[1], 1u);
        QCOMPARE(h[255], 2u);
        cv::Mat wideColour(1, 1, CV_16UC3, cv::Scalar(0, 0, 0xFF80)); // red high byte 0xFF -> 76
        IntensityHistogram c{};
        QVERIFY(accumulateGrayHistogram(wideColour, c, &error));
        QCOMPARE(c[76], 1u);
    }

    void greyIsUsedAsIs()
    {
        cv::Mat grey(3, 5, CV_8UC1);
        for (int i = 0; i < 15; ++i)
            grey.data[i] = std::uint8_t(i * 17);
        IntensityHistogram h{};
        QString error;
        QVERIFY(accumulateGrayHistogram(grey, h, &error));
        for (int i = 0; i < 15; ++i)
            QCOMPARE(h[std::size_t(i * 17)], 1u);
    }

    void floatImagesAreRefusedWithAReason()
    {
        cv::Mat f(2, 2, CV_32FC1, cv::Scalar(0.5));
        IntensityHistogram h{};
        QString error;
        QVERIFY(!accumulateGrayHistogram(f, h, &error));
        QVERIFY(error.contains(QLatin1String("sample type")));
    }

    void planarRgbLikeCifar()
    {
        const std::uint8_t planes[] = {255, 0, /*G*/ 0, 255, /*B*/ 0, 0}; // red, green
        IntensityHistogram h{};
        accumulatePlanarRgbHistogram(planes, 2, h);
        QCOMPARE(h[76], 1u);
        QCOMPARE(h[150], 1u);
    }
};

QTEST_GUILESS_MAIN(GrayConversionTest)
#include "test_gray_conversion.moc"
