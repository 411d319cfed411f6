// The teaching tour walks through the example dataset and the bundled model report: one image,
// its histogram and entropy, the two classes furthest apart and their JS distance, the richest
// dataset's model table, saturation curve and NoFADE. Numbers on the pages are checked against
// independent values (PIL for the image, the scan's JS matrix for the pair); navigation by keys.
#include <QLabel>
#include <QStackedWidget>
#include <QTemporaryDir>
#include <QtTest>

#include "dataset_state/dataset_entry.h"
#include "datasets/dataset_opener.h"
#include "models/bundled_data.h"
#include "models/dataset_complexity.h"
#include "models/hardware_table.h"
#include "models/model_table.h"
#include "models/report_builder.h"
#include "scan/scanner.h"
#include "teaching/teaching_tour_dialog.h"
#include "test_support.h"
#include "ui_fixtures.h"

using namespace nofade;
using namespace nofade::ui;

namespace {

QString allText(QWidget* page)
{
    QString text;
    for (const QLabel* label : page->findChildren<QLabel*>())
        text += label->text() + QLatin1Char('\n');
    return text;
}

} // namespace

class TeachingTourTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(dir_.isValid());
        QString error;
        QCOMPARE(uitest::writeFashionMnistPngs(dir_.path(), 300, &error), 300);
        OpenedDataset opened = openDataset(dir_.path());
        QVERIFY2(opened.source, qPrintable(opened.error));
        entry_.source = std::shared_ptr<const DatasetSource>(std::move(opened.source));
        Feedback feedback;
        auto profile = std::make_shared<Profile>(scanDataset(*entry_.source, ProfileSettings{}, ScanOptions{}, feedback));
        entry_.jsd = std::make_shared<const JsdSummary>(profile->jsd());
        entry_.profile = std::move(profile);
        QVERIFY(entry_.jsd->complexity);

        QStringList errors;
        const HardwareTable hardware = loadHardwareTable(&errors, dir_.filePath(QStringLiteral("none.csv")));
        const ModelTable table = ModelTable::fromCsv(bundledCorpusCsv(), QStringLiteral("bundled corpus"), {ScoreScale::Percent, &hardware});
        report_ = buildReport(table, hardware, {}, ReportSettings{});
    }

    void walksThroughEveryIdea()
    {
        TeachingTourDialog tour(&entry_, report_);
        QCOMPARE(tour.pageCount(), 8);
        const QStringList expected = {"One image", "Its histogram", "Its entropy", "One class vs another",
                                      "Jensen-Shannon distance", "A table of models", "Diminishing returns", "NoFADE"};
        for (int i = 0; i < tour.pageCount(); ++i)
            QCOMPARE(tour.pageTitle(i), expected[i]);
    }

    void imageEntropyMatchesPil()
    {
        // The first image of the folder by PIL + skimage (tests/golden/reference_scan.py), independently.
        QString error;
        const QJsonObject ref = test::runReference(QStringLiteral("reference_scan.py"), {dir_.path()}, &error);
        QVERIFY2(!ref.isEmpty(), qPrintable(error));
        const QString first = entry_.source->itemPath(0).text;
        QVERIFY2(ref[QStringLiteral("per_image")].toObject().contains(first), qPrintable(first));
        const double pil = ref[QStringLiteral("per_image")].toObject()[first].toDouble();
        TeachingTourDialog tour(&entry_, report_);
        tour.showPage(2);
        const QString text = allText(tour.findChild<QStackedWidget*>()->currentWidget());
        QVERIFY2(text.contains(QString::number(pil, 'f', 3) + QStringLiteral(" bits")), qPrintable(text));
    }

    void jsPageShowsThePairOfTheMatrix()
    {
        const JsdPair* widest = nullptr;
        for (const JsdPair& p : entry_.jsd->pairs)
            if (!widest || p.distance > widest->distance)
                widest = &p;
        TeachingTourDialog tour(&entry_, report_);
        tour.showPage(4);
        const QString text = allText(tour.findChild<QStackedWidget*>()->currentWidget());
        QVERIFY2(text.contains(entry_.profile->classes[std::size_t(widest->a)].name), qPrintable(text));
        QVERIFY2(text.contains(QString::number(widest->distance, 'f', 4)), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("= <b>%1</b>").arg(QString::number(*entry_.jsd->complexity, 'f', 4))), qPrintable(text));
    }

    void keysStepAndStopAtTheEnds()
    {
        TeachingTourDialog tour(&entry_, report_);
        QCOMPARE(tour.currentPage(), 0);
        QTest::keyClick(&tour, Qt::Key_Left);
        QCOMPARE(tour.currentPage(), 0);
        QTest::keyClick(&tour, Qt::Key_Right);
        QTest::keyClick(&tour, Qt::Key_Space);
        QTest::keyClick(&tour, Qt::Key_PageDown);
        QCOMPARE(tour.currentPage(), 3);
        QTest::keyClick(&tour, Qt::Key_PageUp);
        QCOMPARE(tour.currentPage(), 2);
        for (int i = 0; i < 20; ++i)
            QTest::keyClick(&tour, Qt::Key_Right);
        QCOMPARE(tour.currentPage(), tour.pageCount() - 1);
    }

    void noFadePageWorksTheFormulaThrough()
    {
        // With ImageNet's complexity typed in, the page shows the model with the highest NoFADE and
        // its numbers: score x C / ln(FLOPs), checked here by hand arithmetic.
        QStringList errors;
        const HardwareTable hardware = loadHardwareTable(&errors, dir_.filePath(QStringLiteral("none.csv")));
        const ModelTable table = ModelTable::fromCsv(bundledCorpusCsv(), QStringLiteral("bundled corpus"), {ScoreScale::Percent, &hardware});
        const Report report = buildReport(table, hardware, {typedComplexity(QStringLiteral("ImageNet"), 3.0, QStringLiteral("test"))},
                                          ReportSettings{});
        const ModelResult* best = nullptr;
        for (const ModelResult& m : report.models)
            if (m.nofade && (!best || *m.nofade > *best->nofade))
                best = &m;
        QVERIFY(best && best->score && best->flops);
        const double byHand = *best->score * 3.0 / std::log(*best->flops);
        QVERIFY(std::abs(byHand - *best->nofade) < 1e-9);
        TeachingTourDialog tour(&entry_, report);
        tour.showPage(tour.pageCount() - 1);
        const QString text = allText(tour.findChild<QStackedWidget*>()->currentWidget());
        QVERIFY2(text.contains(best->model) && text.contains(QString::number(byHand, 'f', 3)), qPrintable(text));
    }

    void withoutDataItSaysWhatToDo()
    {
        TeachingTourDialog tour(nullptr, Report{});
        QCOMPARE(tour.pageCount(), 1);
        QCOMPARE(tour.pageTitle(0), QStringLiteral("Nothing to show yet"));
    }

private:
    QTemporaryDir dir_;
    DatasetEntry entry_;
    Report report_;
};

QTEST_MAIN(TeachingTourTest)
#include "test_teaching_tour.moc"
