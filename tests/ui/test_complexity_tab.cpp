// The complexity measures in the application: a scan with measures (chosen in the settings)
// computes them in the scan queue without reading the scan cache, the Complexity tab shows the
// profile's numbers, and the Which measure predicts? view shows the core's Spearman rho.
#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QSignalSpy>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

#include "complexity/complexity_tab.h"
#include "complexity/measure_names.h"
#include "complexity/measure_parallel_widget.h"
#include "complexity/measure_prediction_tab.h"
#include "complexity/measure_histogram_chart.h"
#include "complexity/measure_table_model.h"
#include "complexity/measured_scan.h"
#include "dataset_list/choice_delegate.h"
#include "dataset_list/dataset_table_model.h"
#include "dataset_list/measure_choice_controller.h"
#include "dataset_state/dataset_controller.h"
#include "dataset_state/dataset_store.h"
#include "dataset_state/profile_complexity_controller.h"
#include "session/session_datasets.h"
#include "documents/session_file.h"
#include <QStandardItemModel>
#include <QStyleOptionViewItem>
#include "dataset_state/scan_controller.h"
#include "datasets/dataset_opener.h"
#include "maths/rank_correlation.h"
#include "shell/app_settings.h"
#include "model_table/complexity_editor_widget.h"
#include "model_table/model_store.h"
#include "models/model_table.h"
#include "models/dataset_complexity.h"
#include "models/dataset_names.h"
#include "timing_slack.h"
#include "ui_fixtures.h"

using namespace nofade;
using namespace nofade::ui;

namespace {

constexpr int kImages = 150;

MeasureSettings everyMeasure()
{
    MeasureSettings m;
    m.names = measureNames();
    m.perClass = 8;
    m.replicates = 3;
    return m;
}

bool sameValue(double a, double b) { return std::abs(a - b) <= 1e-12 * std::max(1.0, std::abs(b)); }

// Whether the report's NoFADE complexity of dataset `key` is `measure` with exactly `value`.
bool reportUses(const ModelStore& models, const QString& key, const QString& measure, double value)
{
    for (const DatasetResult& d : models.report().datasets)
        if (d.key == key)
            return d.measure == measure && d.complexity && *d.complexity == value;
    return false;
}

} // namespace

class ComplexityTabTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir dir_;
    QString data_;
    Profile reference_; // scanWithMeasures in the core, no queue

    // Scans `id` in `queue` and waits until the queue is idle (cache committed).
    const DatasetEntry* scan(DatasetStore& store, ScanController& queue, int id)
    {
        QSignalSpy finished(&queue, &ScanController::scanFinished);
        QSignalSpy idle(&queue, &ScanController::idle);
        queue.enqueue(id, ScanController::Mode::Restart);
        if (!finished.wait(int(120000 * test::kTimingSlack)))
            return nullptr;
        if (idle.isEmpty() && !idle.wait(int(60000 * test::kTimingSlack)))
            return nullptr;
        return store.find(id);
    }

private Q_SLOTS:
    void initTestCase()
    {
        uitest::isolateSettings();
        data_ = dir_.filePath(QStringLiteral("fashion"));
        QString error;
        QCOMPARE(uitest::writeFashionMnistPngs(data_, kImages, &error), kImages);
        OpenedDataset opened = openDataset(data_, DatasetFormat::Folder);
        QVERIFY2(opened.source, qPrintable(opened.error));
        Feedback feedback;
        reference_ = scanWithMeasures(*opened.source, ProfileSettings{}, ScanOptions{}, everyMeasure(), feedback);
        QVERIFY(reference_.measures);
    }

    void defaultScanComputesEntropyOnly()
    {
        const ScanSettings defaults;
        QCOMPARE(defaults.measures.names, QStringList{QStringLiteral("entropy")});
        QVERIFY(!ScanSettings::measuresBeyondEntropy(defaults.measures));
    }

    void measureSettingsAreRemembered()
    {
        ScanSettings settings;
        settings.measures = everyMeasure();
        AppSettings::setScanSettings(settings);
        QVERIFY(AppSettings::scanSettings().measures == everyMeasure());
        AppSettings::setScanSettings(ScanSettings{});
        QCOMPARE(AppSettings::scanSettings().measures.names, QStringList{QStringLiteral("entropy")});
    }

    void scanWithMeasuresDecodesEveryImage()
    {
        QTemporaryDir home;
        DatasetStore store;
        ScanController queue(&store);
        queue.setCacheFile(home.filePath(QStringLiteral("scan-cache.sqlite")));
        DatasetEntry e;
        e.name = QStringLiteral("fashion");
        e.path = data_;
        const int id = store.add(std::move(e));

        // Entropy only: the second scan takes every image from the cache.
        const DatasetEntry* done = scan(store, queue, id);
        QVERIFY(done && done->profile);
        QVERIFY(!done->profile->measures);
        done = scan(store, queue, id);
        QVERIFY(done && done->profile);
        QCOMPARE(done->fromScanCache, std::int64_t(kImages));

        // With measures: none from the cache (they would not be measured), and the core's numbers.
        ScanSettings settings;
        settings.measures = everyMeasure();
        queue.setSettings(settings);
        done = scan(store, queue, id);
        QVERIFY(done && done->profile);
        QCOMPARE(done->fromScanCache, std::int64_t(0));
        QVERIFY(done->profile->measures);
        const ProfileMeasures& m = *done->profile->measures;
        QCOMPARE(m.perImage.size(), std::size_t(kImages));
        QCOMPARE(m.values.size(), reference_.measures->values.size());
        for (const MeasureValue& want : reference_.measures->values) {
            const MeasureValue* got = m.find(want.name);
            QVERIFY2(got && got->value && want.value, qPrintable(want.name));
            QVERIFY2(sameValue(*got->value, *want.value), qPrintable(want.name));
            QCOMPARE(got->sample, want.sample);
        }
    }

    void tabShowsTheProfileValues()
    {
        DatasetStore store;
        ComplexityTab tab(&store);
        tab.resize(1200, 700);
        tab.show();
        QVERIFY(QTest::qWaitForWindowExposed(&tab));
        // Empty: says what to do.
        QCOMPARE(tab.tableModel()->rowCount(), 0);
        bool toldWhatToDo = false;
        for (QLabel* label : tab.findChildren<QLabel*>())
            toldWhatToDo |= label->isVisible() && label->text().contains(QLatin1String("Add a dataset"));
        QVERIFY(toldWhatToDo);

        DatasetEntry e;
        e.name = QStringLiteral("fashion");
        e.path = data_;
        e.colour = Qt::darkCyan;
        e.profile = std::make_shared<const Profile>(reference_);
        e.jsd = std::make_shared<const JsdSummary>(reference_.jsd());
        e.state = DatasetState::Scanned;
        store.add(std::move(e));
        QTRY_COMPARE(tab.tableModel()->rowCount(), 1);

        const MeasureTableModel& model = *tab.tableModel();
        for (const MeasureValue& want : reference_.measures->values) {
            const int column = MeasureTableModel::columnOf(want.name);
            QVERIFY(column > 0);
            const QModelIndex cell = model.index(0, column);
            QCOMPARE(model.data(cell, MeasureTableModel::ValueRole).toDouble(), *want.value);
            QCOMPARE(model.data(cell, MeasureTableModel::SampleRole).toLongLong(), qlonglong(want.sample));
            if (want.interval) {
                QCOMPARE(model.data(cell, MeasureTableModel::LowRole).toDouble(), want.interval->low);
                QCOMPARE(model.data(cell, MeasureTableModel::HighRole).toDouble(), want.interval->high);
            }
            QVERIFY(model.data(cell, Qt::DisplayRole).toString().contains(QString::number(*want.value, 'g', 4)));
            QCOMPARE(model.headerData(column, Qt::Horizontal, Qt::ToolTipRole).toString(), measureDefinition(want.name));
        }
        // C_JS beside them, from the class distances.
        QCOMPARE(model.data(model.index(0, MeasureTableModel::columnOf(QStringLiteral("cjs"))), MeasureTableModel::ValueRole)
                     .toDouble(),
                 *reference_.jsd().complexity);
        // One dataset: every axis drawn, the value in the middle of its axis.
        QCOMPARE(tab.parallel()->axes(), measureNames() << QStringLiteral("cjs"));
        const MeasureValue& f1 = *reference_.measures->find(QStringLiteral("f1"));
        QVERIFY(f1.value && f1.interval);
        const double lo = std::min(*f1.value, f1.interval->low), hi = std::max(*f1.value, f1.interval->high);
        QCOMPARE(*tab.parallel()->position(0, QStringLiteral("f1")), (*f1.value - lo) / (hi - lo));
        // The per-image histograms hold every image's SI and bpp.
        QCOMPARE(tab.siChart()->densities().size(), std::size_t(1));
        const auto& edges = tab.bppChart()->edges();
        double integral = 0.0;
        for (std::size_t b = 0; b < tab.bppChart()->densities()[0].size(); ++b)
            integral += tab.bppChart()->densities()[0][b] * (edges[b + 1] - edges[b]);
        QVERIFY(std::abs(integral - 1.0) < 1e-9);
    }

    void predictionShowsTheCoresSpearman()
    {
        DatasetStore store;
        ModelStore models; // the bundled corpus: CIFAR-10, CIFAR-100 and ImageNet have classification models
        MeasurePredictionTab tab(&store, &models);
        tab.resize(1200, 700);
        tab.show();
        QVERIFY(QTest::qWaitForWindowExposed(&tab));
        QVERIFY(uitest::waitForReport(&models)); // seconds under a sanitizer: QTRY's 5 s is not enough
        QTRY_VERIFY(tab.findChild<QLabel*>(QStringLiteral("predictionEmpty"))->isVisible());

        // The Fashion-MNIST profile under the corpus's names, each with its own SI (ties included).
        const QStringList names{QStringLiteral("CIFAR-10"), QStringLiteral("CIFAR-100"), QStringLiteral("ImageNet")};
        const double si[] = {40.0, 40.0, 55.0};
        for (int i = 0; i < names.size(); ++i) {
            Profile p = reference_;
            for (MeasureValue& v : p.measures->values)
                if (v.name == QLatin1String("si"))
                    v.value = si[i];
            DatasetEntry e;
            e.name = names[i];
            e.profile = std::make_shared<const Profile>(std::move(p));
            e.jsd = std::make_shared<const JsdSummary>(reference_.jsd());
            e.state = DatasetState::Scanned;
            store.add(std::move(e));
        }
        QTRY_VERIFY(tab.findChild<QLabel*>(QStringLiteral("predictionCaveat"))->isVisible());

        // The best scores, read from the report's models here.
        std::vector<double> best;
        for (const QString& name : names) {
            double b = -INFINITY;
            for (const ModelResult& m : models.report().models)
                if (m.score && datasetKey(m.dataset) == datasetKey(name))
                    b = std::max(b, *m.score);
            QVERIFY(std::isfinite(b));
            best.push_back(b);
        }
        const auto rho = spearmanRho(std::vector<double>(std::begin(si), std::end(si)), best);
        QVERIFY(rho);
        const int row = int(measureColumns().indexOf(QStringLiteral("si")));
        const QTableWidgetItem* cell = tab.table()->item(row, 1);
        QVERIFY(cell);
        QCOMPARE(cell->data(Qt::UserRole).toDouble(), *rho);
        QVERIFY(cell->text().startsWith(QString::number(*rho, 'f', 2)));
        // Every dataset has the same F1: no rho, and the reason.
        const QTableWidgetItem* f1 = tab.table()->item(int(measureColumns().indexOf(QStringLiteral("f1"))), 1);
        QVERIFY(!f1->data(Qt::UserRole).isValid());
        QVERIFY(f1->toolTip().contains(QLatin1String("same value")));
        // The caveat names how few datasets it rests on and the chance of a perfect ranking (2/3!).
        QVERIFY(tab.caveat().contains(QLatin1String("3 datasets")));
        QVERIFY(tab.caveat().contains(QLatin1String("33%")));
    }

    void nofadeUsesTheMeasureChosenInTheEditor()
    {
        ModelStore models;
        ComplexityEditorWidget editor(&models);
        models.setProfileComplexities({complexityFromProfile(reference_, QStringLiteral("CIFAR-10"), QStringLiteral("c.json"))});
        QVERIFY(uitest::waitForReport(&models)); // the editor lists the report's datasets
        const QString key = datasetKey(QStringLiteral("CIFAR-10"));
        int row = -1;
        for (int r = 0; r < editor.table()->rowCount(); ++r)
            if (datasetKey(editor.table()->item(r, ComplexityEditorWidget::Dataset)->text()) == key)
                row = r;
        QVERIFY(row >= 0);
        auto* measure = qobject_cast<QComboBox*>(editor.table()->cellWidget(row, ComplexityEditorWidget::Measure));
        QVERIFY(measure);
        QCOMPARE(measure->count(), 8); // C_JS, C_H, SI, bpp, ID, F1, N1, CSG
        QCOMPARE(measure->currentText(), QStringLiteral("C_JS")); // the paper's default for classification
        measure->setCurrentIndex(measure->findText(QStringLiteral("F1")));
        QCOMPARE(models.settings().measures.value(key), nofade::ComplexityMeasure::FisherF1);
        const double f1 = *reference_.measures->find(QStringLiteral("f1"))->value;
        QVERIFY(uitest::waitForReport(&models));
        QTRY_VERIFY(reportUses(models, key, QStringLiteral("F1"), f1));
        QTRY_VERIFY(editor.table()->item(row, ComplexityEditorWidget::Used)->text().startsWith(QLatin1String("F1 ")));
    }

    // The Datasets dock's Measure column offers all eight measures, those the dataset's profile
    // has no value of disabled with the reason; the choice is the report's (NoFADE follows it,
    // a choice made in the Models dock shows in the dock) and survives a session.
    void datasetsDockOffersEveryMeasure()
    {
        DatasetStore store;
        ModelStore models;
        // A model of each dataset with its FLOPs (the bundled corpus's CIFAR rows have none: no NoFADE).
        models.setTable(ModelTable::fromCsv("model,task,dataset,score,compute,compute_unit,co2_kg,source\n"
                                            "Net-a,classification,CIFAR-10,90,10,GFLOPs,1,test\n"
                                            "Net-b,classification,CIFAR-100,70,10,GFLOPs,1,test\n",
                                            QStringLiteral("models.csv")));
        ProfileComplexityController feed(&store, &models);
        DatasetTableModel table(&store);
        MeasureChoiceController choice(&store, &table, &models);
        const auto add = [&store](const QString& name, Profile p) {
            DatasetEntry e;
            e.name = name;
            e.jsd = std::make_shared<const JsdSummary>(p.jsd());
            e.profile = std::make_shared<const Profile>(std::move(p));
            e.state = DatasetState::Scanned;
            return store.add(std::move(e));
        };
        add(QStringLiteral("CIFAR-10"), reference_);
        Profile entropyOnly = reference_;
        entropyOnly.measures.reset(); // a default scan: entropy and C_JS only
        add(QStringLiteral("CIFAR-100"), entropyOnly);
        QCOMPARE(table.rowCount(), 2);
        const QModelIndex measured = table.index(0, DatasetTableModel::Measure), plain = table.index(1, DatasetTableModel::Measure);
        const QStringList all{QStringLiteral("C_JS"), QStringLiteral("C_H"), QStringLiteral("SI"), QStringLiteral("bpp"),
                              QStringLiteral("ID"), QStringLiteral("F1"), QStringLiteral("N1"), QStringLiteral("CSG")};
        QCOMPARE(measured.data(DatasetTableModel::ChoicesRole).toStringList(), all);
        // The fully measured profile: what it has no value of is exactly what is unavailable.
        QVariantMap unavailable = measured.data(DatasetTableModel::UnavailableChoicesRole).toMap();
        for (const QString& name : measureNames()) {
            const MeasureValue* v = reference_.measures->find(name);
            QVERIFY(v);
            const QString label = name == QLatin1String("entropy") ? QStringLiteral("C_H") : name == QLatin1String("bpp") ? name : name.toUpper();
            QCOMPARE(unavailable.contains(label), !v->value.has_value());
        }
        QVERIFY(!unavailable.contains(QStringLiteral("C_JS")));
        // The entropy-only profile: the six others disabled, each with why.
        unavailable = plain.data(DatasetTableModel::UnavailableChoicesRole).toMap();
        QCOMPARE(QStringList(unavailable.keys()).size(), 6);
        QVERIFY(!unavailable.contains(QStringLiteral("C_JS")) && !unavailable.contains(QStringLiteral("C_H")));
        QVERIFY2(unavailable.value(QStringLiteral("F1")).toString().contains(QLatin1String("not computed")),
                 qPrintable(unavailable.value(QStringLiteral("F1")).toString()));
        // The editor greys them out.
        ChoiceDelegate delegate;
        QWidget host;
        std::unique_ptr<QWidget> editor(delegate.createEditor(&host, QStyleOptionViewItem(), plain));
        auto* combo = qobject_cast<QComboBox*>(editor.get());
        QVERIFY(combo);
        QCOMPARE(combo->count(), 8);
        auto* items = qobject_cast<QStandardItemModel*>(combo->model());
        QVERIFY(items);
        QVERIFY(items->item(combo->findText(QStringLiteral("C_H")))->isEnabled());
        QVERIFY(!items->item(combo->findText(QStringLiteral("F1")))->isEnabled());
        QVERIFY(!items->item(combo->findText(QStringLiteral("F1")))->toolTip().isEmpty());

        // F1 chosen in the dock: the report's measure for CIFAR-10, and NoFADE uses the profile's F1.
        QVERIFY(table.setData(measured, QStringLiteral("F1"), Qt::EditRole));
        const QString key = datasetKey(QStringLiteral("CIFAR-10"));
        QCOMPARE(store.at(0).measure, nofade::ComplexityMeasure::FisherF1);
        QCOMPARE(models.settings().measures.value(key), nofade::ComplexityMeasure::FisherF1);
        QCOMPARE(measured.data(Qt::DisplayRole).toString(), QStringLiteral("F1"));
        const double f1 = *reference_.measures->find(QStringLiteral("f1"))->value;
        QVERIFY(uitest::waitForReport(&models));
        QTRY_VERIFY(reportUses(models, key, QStringLiteral("F1"), f1));
        // The NoFADE score of a CIFAR-10 model is score × F1 / ln(GFLOPs) (METHODS.md section 6).
        bool checked = false;
        for (const ModelResult& m : models.report().models)
            if (datasetKey(m.dataset) == key && m.nofade && m.score && m.flops && *m.flops > 1.0 && !checked) {
                QVERIFY(std::abs(*m.nofade - *m.score * f1 / std::log(*m.flops)) <= 1e-9 * std::abs(*m.nofade));
                checked = true;
            }
        QVERIFY(checked);

        // A measure chosen elsewhere (the Models dock's editor sets the report's): the dock shows it.
        ReportSettings s = models.settings();
        s.measures.insert(datasetKey(QStringLiteral("CIFAR-100")), nofade::ComplexityMeasure::Entropy);
        models.setSettings(s);
        QCOMPARE(store.at(1).measure, nofade::ComplexityMeasure::Entropy);
        QCOMPARE(plain.data(Qt::DisplayRole).toString(), QStringLiteral("C_H"));
        // A measure without a value stays chosen, marked, and says why.
        QVERIFY(table.setData(plain, QStringLiteral("CSG"), Qt::EditRole));
        QCOMPARE(plain.data(Qt::DisplayRole).toString(), QStringLiteral("CSG ⚠"));
        QVERIFY(plain.data(Qt::ToolTipRole).toString().contains(QLatin1String("no CSG value")));
        QVERIFY(!table.setData(plain, QStringLiteral("XYZ"), Qt::EditRole));

        // A session keeps the choice: written, read back, restored into another store.
        QTemporaryDir sessionDir;
        QString error;
        SessionData session;
        session.datasets = captureDatasets(store, sessionDir.filePath(QStringLiteral("cache")), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY2(writeSessionFile(session, sessionDir.filePath(QStringLiteral("s.nofade-session")), &error), qPrintable(error));
        const auto read = readSessionFile(sessionDir.filePath(QStringLiteral("s.nofade-session")), &error);
        QVERIFY2(read, qPrintable(error));
        QCOMPARE(read->datasets.size(), std::size_t(2));
        QCOMPARE(read->datasets[0].measure, QStringLiteral("F1"));
        QCOMPARE(read->datasets[1].measure, QStringLiteral("CSG"));
        DatasetStore restoredStore;
        ScanController queue(&restoredStore);
        DatasetController controller(&restoredStore, &queue);
        restoreDatasets(&controller, read->datasets, sessionDir.filePath(QStringLiteral("cache")));
        QTRY_COMPARE(restoredStore.count(), 2);
        QTRY_VERIFY(restoredStore.at(0).profile && restoredStore.at(1).profile);
        QCOMPARE(restoredStore.at(0).measure, nofade::ComplexityMeasure::FisherF1);
        QCOMPARE(restoredStore.at(1).measure, nofade::ComplexityMeasure::SpectralCsg);
    }
};

QTEST_MAIN(ComplexityTabTest)
#include "test_complexity_tab.moc"
