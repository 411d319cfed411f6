// Every way a file can be unusable is named, from the header where possible (bombs are refused
// before any pixel is allocated); good images of every layout decode.
#include <opencv2/imgcodecs.hpp>
#include <QtTest>

#include "imaging/image_decoder.h"
#include "imaging/image_header.h"

using namespace nofade;

namespace {

std::vector<std::uint8_t> encode(const char* ext, const cv::Mat& m)
{
    std::vector<std::uint8_t> out;
    cv::imencode(ext, m, out);
    return out;
}

std::vector<std::uint8_t> pngHeaderClaiming(std::uint32_t w, std::uint32_t h)
{
    std::vector<std::uint8_t> b = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    for (std::uint32_t v : {w, h})
        for (int s = 24; s >= 0; s -= 8)
            b.push_back(std::uint8_t(v >> s));
    b.insert(b.end(), {8, 2, 0, 0, 0, 0, 0, 0, 0}); // depth 8, RGB, CRC not checked by the sniffer
    return b;
}

cv::Mat noise(int w, int h, int type)
{
    cv::Mat m(h, w, type);
    cv::randu(m, cv::Scalar::all(0), cv::Scalar::all(255));
    return m;
}

} // namespace

class ImageDecodingTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void headersGiveDimensions()
    {
        const cv::Mat m = noise(37, 23, CV_8UC3);
        for (const char* ext : {".png", ".jpg", ".bmp", ".ppm", ".tiff", ".webp"}) {
            const auto bytes = encode(ext, m);
            const auto header = readImageHeader(bytes);
            QVERIFY2(header.has_value(), ext);
            QVERIFY2(header->dimensionsKnown, ext);
            QCOMPARE(header->width, 37);
            QCOMPARE(header->height, 23);
        }
    }

    void decompressionBombRefusedFromHeader()
    {
        const auto bytes = pngHeaderClaiming(100000, 100000);
        const DecodedImage d = decodeImage(bytes, GrayMode::Exact, DecodeLimits{});
        QVERIFY(!d.ok());
        QVERIFY2(d.error.contains(QLatin1String("100000x100000")), qPrintable(d.error));
        QVERIFY(d.error.contains(QLatin1String("refused before decoding")));
    }

    void pixelLimitIsASetting()
    {
        const auto bytes = encode(".png", noise(40, 30, CV_8UC1));
        QVERIFY(decodeImage(bytes, GrayMode::Exact, DecodeLimits{1200}).ok());
        const DecodedImage d = decodeImage(bytes, GrayMode::Exact, DecodeLimits{1199});
        QVERIFY(!d.ok());
        QVERIFY(d.error.contains(QLatin1String("too large")));
    }

    void zeroPixelsIsAFailure()
    {
        const DecodedImage d = decodeImage(pngHeaderClaiming(0, 10), GrayMode::Exact, DecodeLimits{});
        QVERIFY(!d.ok());
        QVERIFY(d.error.contains(QLatin1String("zero pixels")));
    }

    void emptyTextAndRandomBytes()
    {
        QVERIFY(decodeImage({}, GrayMode::Exact, {}).error.contains(QLatin1String("empty file")));
        const std::string text = "this is not a picture\n";
        const std::vector<std::uint8_t> textBytes(text.begin(), text.end());
        QVERIFY(decodeImage(textBytes, GrayMode::Exact, {}).error.contains(QLatin1String("not a supported image")));
        std::vector<std::uint8_t> random(4096);
        for (std::size_t i = 0; i < random.size(); ++i)
            random[i] = std::uint8_t((i * 2654435761u) >> 13);
        QVERIFY(!decodeImage(random, GrayMode::Exact, {}).ok());
    }

    void truncatedJpegIsRefused()
    {
        auto bytes = encode(".jpg", noise(200, 150, CV_8UC3));
        QVERIFY(decodeImage(bytes, GrayMode::Exact, {}).ok());
        QVERIFY(jpegHasEndOfImage(bytes));
        bytes.resize(bytes.size() * 6 / 10);
        QVERIFY(!jpegHasEndOfImage(bytes));
        for (GrayMode mode : {GrayMode::Exact, GrayMode::Fast}) {
            const DecodedImage d = decodeImage(bytes, mode, {});
            QVERIFY(!d.ok());
            QVERIFY(d.error.contains(QLatin1String("truncated JPEG")));
        }
    }

    void truncatedPngIsRefused()
    {
        auto bytes = encode(".png", noise(200, 150, CV_8UC3));
        bytes.resize(bytes.size() / 2);
        const DecodedImage d = decodeImage(bytes, GrayMode::Exact, {});
        QVERIFY(!d.ok());
        QVERIFY2(d.error.contains(QLatin1String("corrupt or truncated")), qPrintable(d.error));
    }

    void oddButValidImagesDecode()
    {
        cv::Mat wide16(3, 4, CV_16UC1);
        cv::randu(wide16, 0, 65535);
        struct Case {
            const char* ext;
            cv::Mat image;
        } cases[] = {{".png", noise(1, 1, CV_8UC3)},   {".png", noise(1, 57, CV_8UC1)},
                     {".png", noise(57, 1, CV_8UC4)},  {".png", wide16},
                     {".bmp", noise(5, 3, CV_8UC3)},   {".pgm", noise(9, 9, CV_8UC1)},
                     {".tiff", noise(6, 4, CV_8UC3)}};
        for (const Case& c : cases) {
            const auto bytes = encode(c.ext, c.image);
            const DecodedImage d = decodeImage(bytes, GrayMode::Exact, {});
            QVERIFY2(d.ok(), qPrintable(QStringLiteral("%1 %2x%3: %4").arg(c.ext).arg(c.image.cols).arg(c.image.rows).arg(d.error)));
            QCOMPARE(d.image.cols, c.image.cols);
            QCOMPARE(d.image.rows, c.image.rows);
        }
        // 16-bit PNG keeps its depth in exact mode (the high byte is taken later).
        QCOMPARE(decodeImage(encode(".png", wide16), GrayMode::Exact, {}).image.depth(), CV_16U);
    }

    void fastModeGivesGrey()
    {
        const DecodedImage d = decodeImage(encode(".png", noise(20, 10, CV_8UC3)), GrayMode::Fast, {});
        QVERIFY(d.ok());
        QCOMPARE(d.image.channels(), 1);
    }
};

QTEST_GUILESS_MAIN(ImageDecodingTest)
#include "test_image_decoding.moc"
