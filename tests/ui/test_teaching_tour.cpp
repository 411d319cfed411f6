// The teaching tour walks through the example dataset and the bundled model report: one image,
// its histogram and entropy, the two classes furthest apart and their JS distance, the richest
// dataset's model table, saturation curve and NoFADE. Numbers on the pages are checked against
// independent values (PIL for the image, the scan's JS matrix for the pair); navigation by keys.
#include <QAbstractButton>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpression>
#include <QStackedWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QScopeGuard>
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

// The digits of a number as written on a slide that carry information: "2,830" -> 3, "0.0123" -> 3,
// "16.86" -> 4.
int significantDigits(QString number)
{
    number.remove(QLatin1Char(','));
    const bool hasPoint = number.contains(QLatin1Char('.'));
    number.remove(QLatin1Char('.'));
    while (number.startsWith(QLatin1Char('0')))
        number.remove(0, 1);
    if (!hasPoint)
        while (number.endsWith(QLatin1Char('0')))
            number.chop(1);
    return int(number.size());
}

// Every number in `text` (not glued to letters, so "ResNet-152" and "t10k" are names, not numbers).
QStringList numbersIn(const QString& text)
{
    QStringList found;
    static const QRegularExpression re(QStringLiteral("(?<![\\w.,-])\\d[\\d,]*(\\.\\d+)?(?![\\w])"));
    for (auto it = re.globalMatch(text); it.hasNext();)
        found << it.next().captured(0);
    return found;
}

QString tableText(QWidget* page)
{
    QString text;
    for (const QTableWidget* table : page->findChildren<QTableWidget*>())
        for (int r = 0; r < table->rowCount(); ++r)
            for (int c = 1; c < table->columnCount(); ++c) // column 0 holds the model names
                text += table->item(r, c)->text() + QLatin1Char('\n');
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
        QVERIFY2(text.contains(best->model) && text.contains(QString::number(byHand, 'g', 4)), qPrintable(text));
    }

    void keysTurnThePageWhereverTheFocusIs()
    {
        // A clicker sends Right/Left, Space and Page Up/Down to whatever has the focus: the table of
        // the model page, a chart, the Back/Next/Close buttons. Each must turn the page.
        TeachingTourDialog tour(&entry_, report_);
        tour.resize(1280, 720);
        tour.show();
        QVERIFY(QTest::qWaitForWindowActive(&tour));
        struct Step {
            Qt::Key key;
            int delta;
        };
        const Step steps[] = {{Qt::Key_Right, 1}, {Qt::Key_Left, -1}, {Qt::Key_Space, 1}, {Qt::Key_PageDown, 1}, {Qt::Key_PageUp, -1}};
        const int last = tour.pageCount() - 1;
        for (int page = 0; page <= last; ++page) {
            tour.showPage(page);
            QList<QWidget*> targets{&tour};
            for (QWidget* w : tour.findChildren<QWidget*>())
                if (w->isVisible() && w->isEnabled() && w->focusPolicy() != Qt::NoFocus)
                    targets << w;
            QVERIFY(targets.size() >= 3); // the dialog and at least Close and one of Back/Next
            for (QWidget* w : targets) {
                const bool field = qobject_cast<QLineEdit*>(w) != nullptr; // keeps its editing keys
                for (const Step& step : steps) {
                    if (field && step.key != Qt::Key_PageDown && step.key != Qt::Key_PageUp)
                        continue;
                    tour.showPage(page);
                    w->setFocus();
                    QTest::keyClick(w, step.key);
                    const QString where = QStringLiteral("page %1, %2 %3, key %4")
                                              .arg(page).arg(QString::fromLatin1(w->metaObject()->className()), w->objectName())
                                              .arg(QKeySequence(step.key).toString());
                    QVERIFY2(tour.isVisible(), qPrintable(where)); // Space on Close must not close the tour
                    QVERIFY2(tour.currentPage() == std::clamp(page + step.delta, 0, last), qPrintable(where));
                }
                tour.showPage(page);
                QTest::keyClick(w, Qt::Key_End);
                QCOMPARE(tour.currentPage(), field ? page : last);
                QTest::keyClick(w, Qt::Key_Home);
                QCOMPARE(tour.currentPage(), field ? page : 0);
            }
        }
    }

    void everyPageFitsA1280x720Projector_data()
    {
        // The desktop's type size, which the tour scales up: this platform's, and the common
        // 10 and 11 point of desktop environments.
        QTest::addColumn<double>("points");
        QTest::newRow("platform") << QApplication::font().pointSizeF();
        QTest::newRow("10 pt") << 10.0;
        QTest::newRow("11 pt") << 11.0;
    }

    void everyPageFitsA1280x720Projector()
    {
        // The tour at presentation size on a 1280 x 720 projector: every visible widget lies inside
        // the window, labels and buttons get the size their text needs, tables show all their rows.
        QFETCH(double, points);
        const QFont desktop = QApplication::font();
        QFont font = desktop;
        font.setPointSizeF(points);
        QApplication::setFont(font);
        const auto restore = qScopeGuard([&] { QApplication::setFont(desktop); });
        TeachingTourDialog tour(&entry_, report_);
        tour.resize(1280, 720);
        tour.show();
        QVERIFY(QTest::qWaitForWindowExposed(&tour));
        QCOMPARE(tour.size(), QSize(1280, 720));
        for (int page = 0; page < tour.pageCount(); ++page) {
            tour.showPage(page);
            QCoreApplication::processEvents();
            for (QWidget* w : tour.findChildren<QWidget*>()) {
                if (!w->isVisible())
                    continue;
                const QString what = QStringLiteral("page %1 (%2): %3 %4").arg(page + 1).arg(tour.pageTitle(page),
                                                                                       QString::fromLatin1(w->metaObject()->className()), w->objectName());
                const QRect r(w->mapTo(&tour, QPoint(0, 0)), w->size());
                QVERIFY2(tour.rect().contains(r), qPrintable(what + QStringLiteral(" at %1,%2 %3x%4").arg(r.x()).arg(r.y()).arg(r.width()).arg(r.height())));
                if (auto* label = qobject_cast<QLabel*>(w)) {
                    if (label->wordWrap())
                        QVERIFY2(label->heightForWidth(label->width()) <= label->height(), qPrintable(what + label->text()));
                    else
                        QVERIFY2(label->sizeHint().width() <= label->width() && label->sizeHint().height() <= label->height(),
                                 qPrintable(what + label->text()));
                }
                if (auto* button = qobject_cast<QAbstractButton*>(w))
                    QVERIFY2(button->sizeHint().width() <= button->width() && button->sizeHint().height() <= button->height(),
                             qPrintable(what + button->text()));
                if (auto* table = qobject_cast<QTableView*>(w)) {
                    QVERIFY2(table->verticalHeader()->length() <= table->viewport()->height(), qPrintable(what));
                    QVERIFY2(table->horizontalHeader()->length() <= table->viewport()->width(), qPrintable(what));
                }
            }
        }
    }

    void numbersAreRoundedForASlide()
    {
        QCOMPARE(slideNumber(16.85708072547031), QStringLiteral("16.9"));
        QCOMPARE(slideNumber(30.330299999999998), QStringLiteral("30.3"));
        QCOMPARE(slideNumber(2829.6), QStringLiteral("2,830"));
        QCOMPARE(slideNumber(2829.6, 2), QStringLiteral("2,800"));
        QCOMPARE(slideNumber(0.012345), QStringLiteral("0.0123"));
        QCOMPARE(slideNumber(16.85708, 4), QStringLiteral("16.86"));
        QCOMPARE(slideNumber(1.5, 3), QStringLiteral("1.5"));
        // The model pages: no number with more than four significant digits.
        TeachingTourDialog tour(&entry_, report_);
        auto* stack = tour.findChild<QStackedWidget*>();
        for (int page = 5; page < tour.pageCount(); ++page) {
            tour.showPage(page);
            QString text = tableText(stack->currentWidget()) + allText(stack->currentWidget());
            text.remove(QRegularExpression(QStringLiteral("<[^>]*>"))); // tags, not numbers
            for (const QString& n : numbersIn(text))
                QVERIFY2(significantDigits(n) <= 4, qPrintable(QStringLiteral("page %1: %2 in\n%3").arg(page + 1).arg(n, text)));
        }
    }

    void theLastPageEndsOnANumber()
    {
        // The bundled table knows no complexity: the tour uses the C_JS of the dataset it scanned,
        // with the best-scoring model of the curve; a typed C replaces it. Checked by hand arithmetic.
        for (const ModelResult& m : report_.models)
            QVERIFY(!m.nofade);
        // The richest curve: the dataset with the most models that have a CO2 and a score.
        const DatasetResult* richest = nullptr;
        int most = 0;
        for (const DatasetResult& d : report_.datasets) {
            int n = 0;
            for (const ModelResult& m : report_.models)
                n += (m.dataset.compare(d.name, Qt::CaseInsensitive) == 0 || m.dataset == d.key) && m.co2Kg && *m.co2Kg > 0.0 && m.score;
            if (n > most) {
                most = n;
                richest = &d;
            }
        }
        QVERIFY(richest);
        {
            // Its table: the models of the curve, at most eight of them on a slide, never none.
            TeachingTourDialog tour(&entry_, report_);
            auto* table = tour.findChild<QTableWidget*>();
            QVERIFY(table);
            QCOMPARE(table->rowCount(), std::min(most, 8));
            QVERIFY(table->rowCount() >= 2);
        }
        // The best-scoring model of that curve with FLOPs; when none has FLOPs, the best-scoring model
        // of the table that has them.
        const ModelResult* best = nullptr;
        for (const ModelResult& m : report_.models)
            if ((m.dataset.compare(richest->name, Qt::CaseInsensitive) == 0 || m.dataset == richest->key) && m.co2Kg
                && *m.co2Kg > 0.0 && m.score && m.flops && *m.flops > 1.0 && (!best || *m.score > *best->score))
                best = &m;
        if (!best)
            for (const ModelResult& m : report_.models)
                if (m.score && m.flops && *m.flops > 1.0 && (!best || *m.score > *best->score))
                    best = &m;
        QVERIFY(best);
        TeachingTourDialog tour(&entry_, report_);
        tour.showPage(tour.pageCount() - 1);
        QWidget* page = tour.findChild<QStackedWidget*>()->currentWidget();
        const double scanned = *best->score * *entry_.jsd->complexity / std::log(*best->flops);
        QString text = allText(page);
        QVERIFY2(text.contains(best->model) && text.contains(QStringLiteral("<b>%1</b>").arg(QString::number(scanned, 'g', 4))),
                 qPrintable(text));
        auto* field = page->findChild<QLineEdit*>(QStringLiteral("noFadeComplexity"));
        QVERIFY(field);
        tour.show();
        QVERIFY(QTest::qWaitForWindowActive(&tour));
        field->setFocus();
        field->selectAll();
        QTest::keyClicks(field, QStringLiteral("2.5"));
        QCOMPARE(field->text(), QStringLiteral("2.5"));
        text = allText(page);
        const double typed = *best->score * 2.5 / std::log(*best->flops);
        QVERIFY2(text.contains(QStringLiteral("<b>%1</b>").arg(QString::number(typed, 'g', 4))), qPrintable(text));
        QCOMPARE(tour.currentPage(), tour.pageCount() - 1);
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
