// The pure parts of libnofade-ui: display rebinning, class ordering, image ranking, the
// inspector's image analysis, the heatmap's rendering, the colour scale.
#include "timing_slack.h"
#include <cmath>
#include <numeric>
#include <random>
#include <set>
#include <opencv2/core.hpp>
#include <QtTest>

#include "chart_kit/chart_palette.h"
#include "chart_kit/colour_scale.h"
#include "entropy_tabs/heatmap_widget.h"
#include "inspector/image_analysis.h"
#include "maths/class_ordering.h"
#include "profile/density_histogram.h"
#include "profile/image_ranking.h"

using namespace nofade;
using namespace nofade::ui;

class TestUiUnits : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void rebinKeepsCountsAndDensityIntegratesToOne()
    {
        std::vector<std::uint64_t> fine(1024, 0);
        std::mt19937 rng(7);
        for (int i = 0; i < 5000; ++i)
            ++fine[rng() % 1024];
        fine[1023] += 3; // the last bin holds H = 8
        for (int bins : displayBinChoices()) {
            const DensityHistogram h = rebinCounts(fine, bins);
            QCOMPARE(h.bins(), bins);
            QCOMPARE(h.total, std::uint64_t(5003));
            // Each display bin is exactly the sum of its fine bins.
            const int group = 1024 / bins;
            for (int b = 0; b < bins; ++b) {
                std::uint64_t s = 0;
                for (int k = 0; k < group; ++k)
                    s += fine[std::size_t(b * group + k)];
                QCOMPARE(h.counts[std::size_t(b)], s);
            }
            double integral = 0.0;
            for (double d : h.density)
                integral += d * h.binWidth;
            QVERIFY(std::abs(integral - 1.0) < 1e-12);
        }
    }

    void histogramOfImagesMatchesProfileBinning()
    {
        std::vector<ImageEntropy> images;
        for (int i = 0; i < 100; ++i)
            images.push_back({i, {}, false, i % 3, 8.0 * i / 100.0});
        images.push_back({100, {}, false, 0, 8.0}); // top edge goes into the last bin
        const DensityHistogram all = histogramOfImages(images, -1, 16);
        QCOMPARE(all.total, std::uint64_t(101));
        QCOMPARE(all.counts[15], std::uint64_t(7)); // 7.52, 7.60 ... 7.92 (6 values) + 8.0
        const DensityHistogram c1 = histogramOfImages(images, 1, 16);
        QCOMPARE(c1.total, std::uint64_t(33));
        QCOMPARE(all.binOf(8.0), 15);
        QCOMPARE(all.binOf(-0.1), -1);
    }

    void clusteringKeepsGroupsTogether()
    {
        // Two groups: {0, 2, 4, 6} close together, {1, 3, 5} close together, far apart.
        DistanceMatrix m;
        m.n = 7;
        m.values.assign(49, 0.0f);
        for (int i = 0; i < 7; ++i)
            for (int j = 0; j < 7; ++j)
                if (i != j)
                    m.at(i, j) = (i % 2 == j % 2) ? 0.1f + 0.01f * float(std::abs(i - j)) : 0.9f;
        const std::vector<int> order = orderByClustering(m);
        QCOMPARE(int(order.size()), 7);
        QCOMPARE(std::set<int>(order.begin(), order.end()).size(), std::size_t(7));
        // Contiguous groups: the parity changes exactly once along the order.
        int changes = 0;
        for (int k = 1; k < 7; ++k)
            changes += (order[std::size_t(k)] % 2) != (order[std::size_t(k - 1)] % 2);
        QCOMPARE(changes, 1);
    }

    void clusteringIsFastForAThousandClasses()
    {
        DistanceMatrix m;
        m.n = 1000;
        m.values.assign(std::size_t(1000) * 1000, 0.0f);
        std::mt19937 rng(3);
        std::uniform_real_distribution<float> u(0.0f, 1.0f);
        for (int i = 0; i < 1000; ++i)
            for (int j = i + 1; j < 1000; ++j)
                m.at(i, j) = m.at(j, i) = u(rng);
        QElapsedTimer t;
        t.start();
        const std::vector<int> order = orderByClustering(m);
        const qint64 ms = t.elapsed();
        QCOMPARE(std::set<int>(order.begin(), order.end()).size(), std::size_t(1000));
        QVERIFY2(ms < 3000 * nofade::test::kTimingSlack, qPrintable(QStringLiteral("clustering 1000 classes took %1 ms").arg(ms)));
    }

    void heatmapRendersInOrderAndReportsCells()
    {
        DistanceMatrix m;
        m.n = 3;
        m.values = {0.0f, 0.2f, 1.0f, 0.2f, 0.0f, 0.5f, 1.0f, 0.5f, 0.0f};
        HeatmapWidget w;
        w.resize(400, 400);
        w.setMatrix(m, {QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")}, {2, 0, 1}, 0.0, 1.0);
        QCOMPARE(w.image().size(), QSize(3, 3));
        // Row 0 shows class 2 (c); column 1 shows class 0 (a): distance 1.0 -> top of the scale.
        QCOMPARE(w.image().pixel(1, 0) & 0xFFFFFF, ColourScale::rgbAt(1.0) & 0xFFFFFF);
        QCOMPARE(w.image().pixel(2, 1) & 0xFFFFFF, ColourScale::rgbAt(0.2) & 0xFFFFFF);
        int a = -1;
        int b = -1;
        const QRect map = w.mapRect();
        QVERIFY(w.cellAt(map.topLeft() + QPoint(map.width() * 5 / 6, map.height() / 6), &a, &b));
        QCOMPARE(a, 2);
        QCOMPARE(b, 1);
        QVERIFY(!w.cellAt(QPoint(0, 0), &a, &b) || map.contains(QPoint(0, 0)));
    }

    void rankingFiltersAndSorts()
    {
        std::vector<ImageEntropy> images = {
            {0, {}, false, 0, 5.0}, {1, {}, false, 1, 1.0}, {2, {}, false, 0, 3.0}, {3, {}, false, 0, 8.0}, {4, {}, false, 1, 3.0},
        };
        QCOMPARE(rankImages(images, {}), (std::vector<int>{1, 2, 4, 0, 3}));
        RankingFilter f;
        f.classIndex = 0;
        QCOMPARE(rankImages(images, f), (std::vector<int>{2, 0, 3}));
        f.lower = 3.0;
        f.upper = 8.0; // the last bin includes 8
        QCOMPARE(rankImages(images, f), (std::vector<int>{2, 0, 3}));
        f.upper = 5.0;
        QCOMPARE(rankImages(images, f), (std::vector<int>{2}));
    }

    void imageAnalysisComputesTheEntropyOfKnownImages()
    {
        // 4 equally frequent grey levels: H = 2 bits exactly.
        cv::Mat img(16, 16, CV_8UC3);
        for (int i = 0; i < 256; ++i) {
            const uchar v = uchar((i % 4) * 60);
            img.at<cv::Vec3b>(i / 16, i % 16) = cv::Vec3b(v, v, v);
        }
        const ImageAnalysis a = analyseDecoded(img);
        QVERIFY(a.ok());
        QCOMPARE(a.pixels, std::uint64_t(256));
        QCOMPARE(a.nonEmptyBins(), 4);
        QVERIFY(std::abs(a.entropy - 2.0) < 1e-12);
        QCOMPARE(a.gray.size(), QSize(16, 16));
        QCOMPARE(a.gray.format(), QImage::Format_Grayscale8);
        QVERIFY(a.formulaHtml().contains(QStringLiteral("H = 2.0000 bits")));
        // Colour pixels go through the exact luma: (19595*R + 38470*G + 7471*B + 32768) >> 16.
        cv::Mat c(1, 1, CV_8UC3, cv::Scalar(10, 200, 30)); // B, G, R
        const ImageAnalysis ac = analyseDecoded(c);
        const int expected = (19595 * 30 + 38470 * 200 + 7471 * 10 + 32768) >> 16;
        QCOMPARE(int(ac.histogram[std::size_t(expected)]), 1);
        QCOMPARE(ac.entropy, 0.0);
    }

    void paletteColoursDiffer()
    {
        std::set<QRgb> seen;
        for (int i = 0; i < 40; ++i)
            seen.insert(ChartPalette::colour(i).rgb());
        QCOMPARE(int(seen.size()), 40);
        QVERIFY(ColourScale::rgbAt(0.0) != ColourScale::rgbAt(1.0));
    }
};

QTEST_MAIN(TestUiUnits)
#include "test_ui_units.moc"
