// The model table in the GUI: editing, computed columns, invalid cells, undo/redo, rows,
// filters, linked selection, settings and CSV import/export. Golden values are hand arithmetic
// from METHODS.md sections 5 and 6 (device_hours x TDP x PUE / 1000 x intensity; score x C /
// ln(FLOPs)), with the TDPs and peaks of resources/hardware.csv (V100: 300 W; A100: 400 W,
// 19.5 TFLOP/s FP32), computed by hand / python3 math.
#include <cmath>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QLineEdit>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QHeaderView>
#include <QScrollBar>
#include <QtTest>

#include "dataset_state/dataset_store.h"
#include "event_loop_stall_meter.h"
#include "timing_slack.h"
#include "dataset_state/profile_complexity_controller.h"
#include "model_table/complexity_editor_widget.h"
#include "model_table/model_cell_delegate.h"
#include "model_table/model_editing_controller.h"
#include "model_table/model_filter_model.h"
#include "model_table/model_selection_store.h"
#include "model_table/model_settings_panel.h"
#include "model_table/model_store.h"
#include "model_table/model_table_model.h"
#include "model_table/models_panel.h"
#include "model_table/uncertainty_ranges_widget.h"
#include "models/bundled_data.h"
#include "models/csv_table.h"
#include "run_import/import_issue_model.h"
#include "run_import/import_preview_model.h"
#include "run_import/run_import_dialog.h"
#include "models/carbon_table.h"
#include "ui_fixtures.h"
#include "what_if/what_if_tab.h"

using namespace nofade;
using namespace nofade::ui;

namespace {

const QByteArray kTable =
    "model,task,dataset,metric,score,compute,compute_unit,params,device,device_count,device_hours,wall_hours,hours_provenance,epochs,images_per_epoch,source,notes\n"
    "A,classification,ImageNet,top1,80,4,GFLOPs,,V100,,100,,reported,,,,\n"
    "B,classification,ILSVRC2012,top1,82,8,GMACs,,V100,8,,50,derived,,,,\n"
    "C,detection,COCO,mAP,40,100,GFLOPs,,A100,,,,,12,118287,,\n"
    "D,segmentation,Cityscapes,mIoU,70,200,GFLOPs,,,,,,,,,,no device\n";

// CodeCarbon 2.5's emissions.csv header (docs/reference/output.md); runs chosen for hand
// arithmetic. Line 4 is malformed (emissions "abc"): named, left out, the rest imported.
const QByteArray kEmissions =
    "timestamp,project_name,run_id,experiment_id,duration,emissions,emissions_rate,cpu_power,gpu_power,ram_power,"
    "cpu_energy,gpu_energy,ram_energy,energy_consumed,country_name,country_iso_code,region,cloud_provider,"
    "cloud_region,os,python_version,codecarbon_version,cpu_count,cpu_model,gpu_count,gpu_model,longitude,latitude,"
    "ram_total_size,tracking_mode,on_cloud,pue\n"
    "2024-05-01T10:00:00,my-resnet,r1,e1,7200,0.9,0.000125,20,300,10,0.2,2.1,0.1,2.4,France,FRA,,,,Linux,3.11,2.5.0,"
    "16,AMD EPYC,2,2 x Tesla V100-SXM2-16GB,2.3,48.8,64,machine,N,1.0\n"
    "2024-05-02T10:00:00,my-resnet,r2,e1,3600,0.45,0.000125,20,300,10,0.1,1.05,0.05,1.2,France,FRA,,,,Linux,3.11,2.5.0,"
    "16,AMD EPYC,2,2 x Tesla V100-SXM2-16GB,2.3,48.8,64,machine,N,1.0\n"
    "2024-05-02T18:00:00,my-resnet,r3,e1,600,abc,0.000125,20,300,10,0.1,1.05,0.05,1.2,France,FRA,,,,Linux,3.11,2.5.0,"
    "16,AMD EPYC,2,2 x Tesla V100-SXM2-16GB,2.3,48.8,64,machine,N,1.0\n"
    "2024-05-03T10:00:00,my-vit,r4,e2,5400,0.6,0.000111,20,1200,10,0.1,1.35,0.05,1.5,France,FRA,,,,Linux,3.11,2.5.0,"
    "16,AMD EPYC,4,4 x NVIDIA A100-SXM4-40GB,2.3,48.8,64,machine,N,1.0\n";

bool close(double a, double b) { return std::abs(a - b) <= 1e-12 * std::max(std::abs(a), std::abs(b)); }

} // namespace

class TestModelTableUi : public QObject {
    Q_OBJECT

    std::unique_ptr<ModelStore> workspace_;
    std::unique_ptr<ModelSelectionStore> selection_;
    std::unique_ptr<ModelEditingController> editing_;
    std::unique_ptr<ModelsPanel> panel_;

    ModelTableModel* model() const { return panel_->tableModel(); }
    double computed(int row, ModelTableModel::Computed c) const
    {
        // The computed columns come with the report, built on a worker thread.
        if (!uitest::waitForReport(workspace_.get()))
            qFatal("the report of the edited table did not arrive");
        return model()->index(row, model()->columnOf(c)).data(ModelTableModel::SortRole).toDouble();
    }
    bool hasComputed(int row, ModelTableModel::Computed c) const
    {
        return std::isfinite(computed(row, c));
    }
    QModelIndex cell(int row, const QString& column) const { return model()->index(row, model()->columnOf(column)); }

private Q_SLOTS:
    void initTestCase() { uitest::isolateSettings(); }

    void init()
    {
        workspace_ = std::make_unique<ModelStore>();
        selection_ = std::make_unique<ModelSelectionStore>();
        selection_->follow(workspace_.get());
        editing_ = std::make_unique<ModelEditingController>(workspace_.get());
        panel_ = std::make_unique<ModelsPanel>(workspace_.get(), editing_.get(), selection_.get());
        workspace_->setTable(ModelTable::fromCsv(kTable, QStringLiteral("t.csv"), workspace_->tableOptions()));
        workspace_->setComplexities({typedComplexity(QStringLiteral("ImageNet"), 2.5, QStringLiteral("test value"))});
        QVERIFY(uitest::waitForReport(workspace_.get()));
        panel_->resize(1400, 400);
        panel_->show();
    }

    void cleanup()
    {
        panel_.reset();
        editing_.reset();
        selection_.reset();
        workspace_.reset();
    }

    void startsWithTheBundledCorpus()
    {
        ModelStore fresh;
        QVERIFY(uitest::waitForReport(&fresh));
        QVERIFY(fresh.isBundledTable());
        QCOMPARE(fresh.table().toCsv(), bundledCorpusCsv());
        QVERIFY(fresh.table().errorMessages().isEmpty());
    }

    void computedColumnsAreTheFormulas()
    {
        QVERIFY2(workspace_->table().errorMessages().isEmpty(), qPrintable(workspace_->table().errorMessages().join('\n')));
        using C = ModelTableModel::Computed;
        // A: 100 h x 300 W / 1000 = 30 kWh; x 0.707 = 21.21 kg.
        QVERIFY(close(computed(0, C::Energy), 30.0));
        QVERIFY(close(computed(0, C::Co2), 21.21));
        // B: wall 50 h x 8 devices = 400 device-hours (derived); 120 kWh; 84.84 kg; 8 GMACs = 1.6e10 FLOPs.
        QVERIFY(close(computed(1, C::Hours), 400.0));
        QVERIFY(model()->index(1, model()->columnOf(C::Hours)).data().toString().contains(QLatin1String("derived")));
        QVERIFY(close(computed(1, C::Co2), 84.84));
        QVERIFY(close(computed(1, C::Flops), 16.0));
        // NoFADE = score x 2.5 / ln(FLOPs); ILSVRC2012 is ImageNet.
        QVERIFY(close(computed(0, C::NoFade), 9.045860623563737));
        QVERIFY(close(computed(1, C::NoFade), 8.724943350479286));
        // C: estimated, 3 x 1e11 x 118287 x 12 / (19.5e12 x 0.33) / 3600 h, shown as estimated (italic).
        QVERIFY(close(computed(2, C::Hours), 18.381818181818183));
        QVERIFY(close(computed(2, C::Co2), 5.198378181818182));
        const QModelIndex hours = model()->index(2, model()->columnOf(C::Hours));
        QVERIFY(hours.data().toString().contains(QLatin1String("estimated")));
        QVERIFY(hours.data(Qt::FontRole).value<QFont>().italic());
        // COCO has no complexity: no NoFADE, and the tooltip says why.
        QVERIFY(!hasComputed(2, C::NoFade));
        QVERIFY(model()->index(2, model()->columnOf(C::NoFade)).data(Qt::ToolTipRole).toString().contains(QLatin1String("no complexity")));
        // D has no device: no CO2, with the reason.
        QVERIFY(!hasComputed(3, C::Co2));
        QCOMPARE(model()->index(3, model()->columnOf(C::Co2)).data().toString(), QStringLiteral("—"));
        QCOMPARE(model()->index(3, model()->columnOf(C::Co2)).data(Qt::ToolTipRole).toString(),
                 QStringLiteral("Not computed: no training time given, and no estimate without images_per_epoch, epochs, device"));
    }

    void editingACellUpdatesCo2AndNoFade()
    {
        using C = ModelTableModel::Computed;
        QSignalSpy changed(model(), &QAbstractItemModel::dataChanged);
        QVERIFY(model()->setData(cell(0, QStringLiteral("device_hours")), QStringLiteral("200"), Qt::EditRole));
        QVERIFY(changed.count() >= 1);
        QCOMPARE(cell(0, QStringLiteral("device_hours")).data().toString(), QStringLiteral("200"));
        // 200 h x 300 W / 1000 = 60 kWh; x 0.707 = 42.42 kg.
        QVERIFY(close(computed(0, C::Energy), 60.0));
        QVERIFY(close(computed(0, C::Co2), 42.42));
        // The compute drives NoFADE: 16 GFLOPs -> 80 x 2.5 / ln(1.6e10).
        QVERIFY(model()->setData(cell(0, QStringLiteral("compute")), QStringLiteral("16"), Qt::EditRole));
        QVERIFY(close(computed(0, C::NoFade), 80 * 2.5 / std::log(1.6e10)));
        // A typed complexity from the settings panel drives it too: COCO 7.25 -> 40 x 7.25 / ln(1e11).
        ModelSettingsPanel settings(workspace_.get());
        settings.complexityEditor()->setTyped(QStringLiteral("COCO"), QStringLiteral("7.25"), QStringLiteral("hand value"));
        QVERIFY(close(computed(2, C::NoFade), 40 * 7.25 / std::log(1e11)));
        QVERIFY(model()->index(2, model()->columnOf(C::NoFade)).data(Qt::ToolTipRole).toString().contains(QLatin1String("hand value")));
    }

    // The report is built on a worker thread: right after an edit the table shows the last
    // report's numbers (and "…" for a new row) until the new report arrives; the reports of edits
    // overtaken by later ones are dropped, never shown.
    void reportArrivesFromAWorker()
    {
        using C = ModelTableModel::Computed;
        const auto shown = [this](int row, C c) { return model()->index(row, model()->columnOf(c)).data(ModelTableModel::SortRole).toDouble(); };
        QSignalSpy arrived(workspace_.get(), &ModelStore::reportChanged);
        QSignalSpy pending(workspace_.get(), &ModelStore::reportPendingChanged);
        editing_->setCell(0, QStringLiteral("device_hours"), QStringLiteral("200"));
        QVERIFY(workspace_->reportPending());
        QCOMPARE(pending.count(), 1);
        QCOMPARE(pending.at(0).at(0).toBool(), true);
        // Still the last report: A's 100 h x 300 W / 1000 x 0.707 = 21.21 kg.
        QVERIFY(close(shown(0, C::Co2), 21.21));
        editing_->setCell(0, QStringLiteral("device_hours"), QStringLiteral("300"));
        const int row = editing_->appendRow();
        QCOMPARE(model()->index(row, model()->columnOf(C::Co2)).data().toString(), QStringLiteral("…"));
        QVERIFY(model()->index(row, model()->columnOf(C::Co2)).data(ModelTableModel::TaskRole).toString().isEmpty());
        // The rows after an inserted one keep their own results while the report is rebuilt.
        QVERIFY(close(shown(1, C::Co2), 84.84));
        QVERIFY(uitest::waitForReport(workspace_.get()));
        QCOMPARE(arrived.count(), 1); // one report, of the last table
        QCOMPARE(pending.count(), 2);
        QCOMPARE(pending.at(1).at(0).toBool(), false);
        // 300 h x 300 W / 1000 x 0.707 = 63.63 kg.
        QVERIFY(close(shown(0, C::Co2), 63.63));
        QCOMPARE(model()->index(row, model()->columnOf(C::Co2)).data().toString(), QStringLiteral("—"));
        // Removing rows while a report is built: the rows that stay keep their numbers.
        editing_->removeRows({0});
        QVERIFY(workspace_->reportPending());
        QVERIFY(close(shown(0, C::Co2), 84.84));
        QVERIFY(uitest::waitForReport(workspace_.get()));
        QVERIFY(close(shown(0, C::Co2), 84.84));
    }

    // The report (Monte Carlo draws, curve families, bootstrap) is built off the GUI thread: the
    // event loop keeps running while a report twice the bundled one is built. Built on
    // the GUI thread, this report stalls it for its whole build time (bench/ measures that time).
    void reportBuildDoesNotStallTheGui()
    {
        QByteArray csv = bundledCorpusCsv();
        const QByteArray rows = csv.mid(csv.indexOf('\n') + 1);
        csv += rows;
        workspace_->setTable(ModelTable::fromCsv(csv, QStringLiteral("big.csv"), workspace_->tableOptions()));
        QVERIFY(uitest::waitForReport(workspace_.get()));
        ReportSettings s = workspace_->settings();
        s.uncertainty.draws = 15000;
        s.uncertainty.bootstrapRounds = 200;
        test::EventLoopStallMeter meter;
        QElapsedTimer clock;
        clock.start();
        meter.start();
        workspace_->setSettings(s);
        QVERIFY(uitest::waitForReport(workspace_.get(), 600000));
        meter.stop();
        const qint64 buildMs = clock.elapsed();
        qInfo("report of %d models built in %lld ms; longest stall %.1f ms", int(workspace_->report().models.size()), buildMs,
              meter.longestMs());
        QCOMPARE(workspace_->report().settings.uncertainty.draws, 15000);
        QVERIFY2(meter.longestMs() < 100.0 * test::kTimingSlack, qPrintable(QStringLiteral("GUI stalled for %1 ms").arg(meter.longestMs())));
        QVERIFY(meter.ticks() > 3);
    }

    // The GUI's report has what nofade-cli report has: the Monte Carlo intervals and the life-cycle
    // terms (the curve families need more models than this table has: test_model_charts).
    void reportHasTheIntervals()
    {
        const ModelResult& a = workspace_->report().models.at(0);
        QVERIFY(a.co2Spread);
        QCOMPARE(workspace_->report().settings.uncertainty.draws, UncertaintySettings{}.draws);
        // Reported hours vary by 0.9-1.1, the draw of the TDP by 0.7-1.0, the intensity and PUE
        // within their ranges: the interval is not a single point.
        QVERIFY(a.co2Spread->interval.low < a.co2Spread->interval.high);
        QVERIFY(a.co2Terms);
        QCOMPARE(a.co2Terms->operationalKg, *a.co2Kg);
    }

    void invalidCellIsMarkedWithItsReason()
    {
        QVERIFY(model()->setData(cell(1, QStringLiteral("score")), QStringLiteral("eighty"), Qt::EditRole));
        const QModelIndex bad = cell(1, QStringLiteral("score"));
        QCOMPARE(bad.data(ModelTableModel::IssueRole).toInt(), 2);
        QVERIFY(bad.data(Qt::BackgroundRole).value<QColor>().isValid());
        QVERIFY(!bad.data(Qt::DecorationRole).value<QIcon>().isNull());
        QCOMPARE(bad.data(Qt::ToolTipRole).toString(), QStringLiteral("t.csv: row 2 (line 3), column \"score\": \"eighty\" is not a number"));
        // Other cells of the row are not marked; its CO2 is still computed (only the score is bad).
        QCOMPARE(cell(1, QStringLiteral("model")).data(ModelTableModel::IssueRole).toInt(), 0);
        QVERIFY(hasComputed(1, ModelTableModel::Computed::Co2));
        QVERIFY(!hasComputed(1, ModelTableModel::Computed::NoFade));
        // A device not in the hardware table.
        QVERIFY(model()->setData(cell(0, QStringLiteral("device")), QStringLiteral("Abacus"), Qt::EditRole));
        QVERIFY(cell(0, QStringLiteral("device")).data(Qt::ToolTipRole).toString().contains(QLatin1String("\"Abacus\" is not in the hardware table")));
        // A warning (hours without provenance) is marked differently.
        QVERIFY(model()->setData(cell(0, QStringLiteral("hours_provenance")), QString(), Qt::EditRole));
        QCOMPARE(cell(0, QStringLiteral("hours_provenance")).data(ModelTableModel::IssueRole).toInt(), 1);
    }

    void editorsFitTheColumn()
    {
        QTableView* view = panel_->view();
        auto* delegate = qobject_cast<ModelCellDelegate*>(view->itemDelegate());
        QVERIFY(delegate);
        QWidget parent;
        const QStyleOptionViewItem option;
        auto editorFor = [&](const QString& column) { return delegate->createEditor(&parent, option, cell(0, column)); };
        auto* task = qobject_cast<QComboBox*>(editorFor(QStringLiteral("task")));
        QVERIFY(task);
        QCOMPARE(task->count(), 3);
        auto* device = qobject_cast<QComboBox*>(editorFor(QStringLiteral("device")));
        QVERIFY(device);
        QVERIFY(device->findText(QStringLiteral("NVIDIA A100 SXM4 40/80GB")) >= 0);
        QVERIFY(device->findText(QStringLiteral("V100")) >= 0); // the row's own spelling stays choosable
        auto* score = qobject_cast<QLineEdit*>(editorFor(QStringLiteral("score")));
        QVERIFY(score && score->validator());
        // Letters are refused as they are typed; a number is accepted.
        score->show();
        QTest::keyClicks(score, QStringLiteral("8a1.5"));
        QCOMPARE(score->text(), QStringLiteral("81.5"));
        QVERIFY(score->hasAcceptableInput());
        auto* count = qobject_cast<QLineEdit*>(editorFor(QStringLiteral("device_count")));
        QVERIFY(count && count->validator());
        count->show();
        QTest::keyClicks(count, QStringLiteral("2.5"));
        QCOMPARE(count->text(), QStringLiteral("25"));
        QVERIFY(qobject_cast<QLineEdit*>(editorFor(QStringLiteral("notes"))));
        QVERIFY(!qobject_cast<QLineEdit*>(editorFor(QStringLiteral("notes")))->validator());
        // Committing through the delegate edits the table.
        score->setText(QStringLiteral("81.5"));
        delegate->setModelData(score, panel_->filterModel(), panel_->filterModel()->mapFromSource(cell(0, QStringLiteral("score"))));
        QCOMPARE(workspace_->table().rows()[0].score.value(), 81.5);
    }

    void undoRedoRestoreExactly()
    {
        const QByteArray original = workspace_->table().toCsv();
        editing_->setCell(0, QStringLiteral("score"), QStringLiteral("81"));
        editing_->setCell(2, QStringLiteral("notes"), QStringLiteral("a, \"quoted\" note"));
        editing_->appendRow();
        editing_->duplicateRows({1, 3});
        editing_->removeRows({0, 2});
        const QByteArray edited = workspace_->table().toCsv();
        QVERIFY(edited != original);
        QUndoStack* stack = editing_->undoStack();
        QCOMPARE(stack->count(), 5);
        while (stack->canUndo())
            stack->undo();
        QCOMPARE(workspace_->table().toCsv(), original);
        QCOMPARE(model()->rowCount(), 4);
        while (stack->canRedo())
            stack->redo();
        QCOMPARE(workspace_->table().toCsv(), edited);
        // The undo/redo actions carry the standard shortcuts.
        QCOMPARE(panel_->undoAction()->shortcut(), QKeySequence(QKeySequence::Undo));
        QCOMPARE(panel_->redoAction()->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z));
        panel_->undoAction()->trigger();
        QCOMPARE(stack->index(), 4);
    }

    void importRunsPreviewsAndUndoes()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("emissions.csv"));
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(kEmissions);
        }
        const QByteArray original = workspace_->table().toCsv();
        const int undoSteps = editing_->undoStack()->count();
        RunImportDialog dialog(workspace_.get(), editing_.get());
        auto* importButton = uitest::part<QPushButton>(dialog, "runImportButton");
        QVERIFY(!importButton->isEnabled()); // nothing to import before a file
        QSignalSpy ready(&dialog, &RunImportDialog::previewReady);
        dialog.setFile(path);
        // The format is guessed from the header.
        QCOMPARE(dialog.format(), std::optional<ImportFormat>(ImportFormat::CodeCarbon));
        QTRY_VERIFY(ready.count() >= 1 && !dialog.isReading());
        ImportPreviewModel* preview = dialog.previewModel();
        using C = ImportPreviewModel::Column;
        auto value = [preview](int row, C c) { return preview->index(row, int(c)).data().toString(); };
        auto number = [&](int row, C c) { return value(row, c).toDouble(); };
        // One row per good run: lines 2, 3, 5; line 4 is named with its field and reason.
        QCOMPARE(preview->rowCount(), 3);
        QCOMPARE(value(2, C::Line), QStringLiteral("5"));
        QVERIFY(close(number(2, C::WallHours), 1.5)); // 5400 s / 3600
        QCOMPARE(value(2, C::DeviceCount), QStringLiteral("4"));
        QVERIFY(close(number(2, C::EnergyKwh), 1.5));
        QVERIFY(close(number(2, C::Co2Kg), 0.6));
        QCOMPARE(value(2, C::Provenance), QStringLiteral("measured"));
        ImportIssueModel* issues = dialog.issueModel();
        int badLine = -1;
        for (int r = 0; r < issues->rowCount(); ++r)
            if (issues->index(r, 0).data(ImportIssueModel::LineRole).toInt() == 4)
                badLine = r;
        QVERIFY(badLine >= 0);
        QCOMPARE(issues->index(badLine, int(ImportIssueModel::Column::Field)).data().toString(), QStringLiteral("emissions"));
        QVERIFY(issues->index(badLine, int(ImportIssueModel::Column::Reason)).data().toString().contains(QStringLiteral("\"abc\"")));
        QVERIFY(issues->index(badLine, 0).data(ImportIssueModel::MessageRole).toString().contains(QStringLiteral("emissions.csv: line 4")));
        QVERIFY(uitest::part<QLabel>(dialog, "runImportSummary")->text().contains(QStringLiteral("1 line left out")));

        // The CLI's options: runs of one project/experiment summed, task, dataset and score given.
        // my-resnet: (7200 + 3600) s = 3 h on 2 GPUs, 2.4 + 1.2 = 3.6 kWh, 0.9 + 0.45 = 1.35 kg.
        uitest::part<QCheckBox>(dialog, "runImportSumRuns")->setChecked(true);
        auto* task = uitest::part<QComboBox>(dialog, "runImportTask");
        task->setCurrentIndex(task->findData(QStringLiteral("classification")));
        uitest::part<QComboBox>(dialog, "runImportDataset")->setEditText(QStringLiteral("CIFAR-10"));
        auto* score = uitest::part<QLineEdit>(dialog, "runImportScore");
        score->setText(QStringLiteral("101"));
        QTRY_VERIFY(uitest::part<QLabel>(dialog, "runImportSummary")->text().contains(QStringLiteral("\"101\"")));
        QVERIFY(!importButton->isEnabled()); // a score above 100 is refused, not imported
        score->setText(QStringLiteral("93.5"));
        QTRY_VERIFY(!dialog.isReading() && dialog.result() && dialog.result()->rows.size() == 2
                    && dialog.result()->rows[0].score == 93.5 && !dialog.result()->rows[0].dataset.isEmpty());
        QCOMPARE(value(0, C::Model), QStringLiteral("my-resnet"));
        QVERIFY(close(number(0, C::WallHours), 3.0));
        QCOMPARE(value(0, C::DeviceCount), QStringLiteral("2"));
        QVERIFY(close(number(0, C::EnergyKwh), 3.6));
        QVERIFY(close(number(0, C::Co2Kg), 1.35));
        QCOMPARE(value(0, C::Task), QStringLiteral("classification"));
        QCOMPARE(value(0, C::Dataset), QStringLiteral("CIFAR-10"));
        QVERIFY(importButton->isEnabled());
        // A score just typed (Enter presses Import) is previewed before anything is imported.
        score->setText(QStringLiteral("94"));
        importButton->click();
        QCOMPARE(model()->rowCount(), 4);
        QTRY_VERIFY(!dialog.isReading() && dialog.result() && dialog.result()->rows[0].score == 94.0);

        // Import: both rows at the end of the table, one undo step; the measured CO2 is used as it is.
        importButton->click();
        QCOMPARE(model()->rowCount(), 6);
        QCOMPARE(editing_->undoStack()->count(), undoSteps + 1);
        const ModelRow& resnet = workspace_->table().rows().at(4);
        QCOMPARE(resnet.model, QStringLiteral("my-resnet"));
        QVERIFY(close(resnet.co2Kg.value(), 1.35));
        QVERIFY(close(computed(4, ModelTableModel::Computed::Co2), 1.35));
        QVERIFY(close(computed(5, ModelTableModel::Computed::Co2), 0.6));
        QCOMPARE(cell(4, QStringLiteral("hours_provenance")).data().toString(), QStringLiteral("measured"));
        QCOMPARE(cell(4, QStringLiteral("year")).data().toString(), QStringLiteral("2024"));
        // The rows that were there keep every cell (the header gains the columns they lacked).
        const CsvTable before(parseCsv(original));
        for (int r = 0; r < 4; ++r)
            for (int c = 0; c < before.columnCount(); ++c)
                QCOMPARE(workspace_->table().csv().value(r, before.columnName(c)).value_or(QStringLiteral("(none)")), before.cell(r, c));
        editing_->undoStack()->undo();
        QCOMPARE(workspace_->table().toCsv(), original);
        QCOMPARE(model()->rowCount(), 4);
    }

    void importRunsNamesAnUnreadableFile()
    {
        RunImportDialog dialog(workspace_.get(), editing_.get());
        QSignalSpy ready(&dialog, &RunImportDialog::previewReady);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("missing.csv"));
        dialog.setFormat(ImportFormat::Sacct);
        dialog.setFile(path);
        QCOMPARE(dialog.format(), std::optional<ImportFormat>(ImportFormat::Sacct)); // kept: nothing to guess from
        QTRY_VERIFY(ready.count() >= 1 && !dialog.isReading());
        QCOMPARE(dialog.previewModel()->rowCount(), 0);
        const QString summary = uitest::part<QLabel>(dialog, "runImportSummary")->text();
        QVERIFY2(summary.contains(QStringLiteral("missing.csv")) && summary.contains(QStringLiteral("cannot be read")), qPrintable(summary));
        QVERIFY(!uitest::part<QPushButton>(dialog, "runImportButton")->isEnabled());
    }

    void yearAndConfidenceEditors()
    {
        QTableView* view = panel_->view();
        auto* delegate = qobject_cast<ModelCellDelegate*>(view->itemDelegate());
        QWidget parent;
        const QStyleOptionViewItem option;
        auto* confidence = qobject_cast<QComboBox*>(delegate->createEditor(&parent, option, cell(0, QStringLiteral("confidence"))));
        QVERIFY(confidence);
        for (const char* c : {"confident", "likely", "speculative"})
            QVERIFY(confidence->findText(QString::fromLatin1(c)) >= 0);
        QCOMPARE(confidence->count(), 4); // and empty
        auto* year = qobject_cast<QLineEdit*>(delegate->createEditor(&parent, option, cell(0, QStringLiteral("year"))));
        QVERIFY(year && year->validator());
        year->show();
        QTest::keyClicks(year, QStringLiteral("20a1.9"));
        QCOMPARE(year->text(), QStringLiteral("2019")); // digits only
        year->setText(QStringLiteral("2019"));
        delegate->setModelData(year, panel_->filterModel(), panel_->filterModel()->mapFromSource(cell(0, QStringLiteral("year"))));
        QCOMPARE(workspace_->table().rows()[0].year.value(), 2019);
        confidence->setCurrentIndex(confidence->findText(QStringLiteral("likely")));
        delegate->setModelData(confidence, panel_->filterModel(), panel_->filterModel()->mapFromSource(cell(0, QStringLiteral("confidence"))));
        QCOMPARE(workspace_->table().rows()[0].confidence, std::optional<Confidence>(Confidence::Likely));
        // Years sort as numbers, rows without a year first (ascending).
        editing_->setCell(1, QStringLiteral("year"), QStringLiteral("2012"));
        editing_->setCell(2, QStringLiteral("year"), QStringLiteral("2020"));
        view->sortByColumn(model()->columnOf(QStringLiteral("year")), Qt::AscendingOrder);
        ModelFilterModel* f = panel_->filterModel();
        QStringList order;
        for (int r = 0; r < f->rowCount(); ++r)
            order << f->index(r, 0).data().toString();
        QCOMPARE(order, (QStringList{"D", "B", "A", "C"}));
        QCOMPARE(cell(0, QStringLiteral("year")).data(ModelTableModel::SortRole).toDouble(), 2019.0);
    }

    void addDuplicateDelete()
    {
        // Add: an empty (flagged) row at the end.
        panel_->addAction()->trigger();
        // The new row's model cell is being edited.
        const QList<QLineEdit*> editors = panel_->view()->viewport()->findChildren<QLineEdit*>();
        QCOMPARE(editors.size(), 1);
        QTest::keyClick(editors.first(), Qt::Key_Escape);
        QCOMPARE(model()->rowCount(), 5);
        QCOMPARE(cell(4, QStringLiteral("model")).data(ModelTableModel::IssueRole).toInt(), 2);
        // Duplicate rows 1 and 3 (B, D): copies right after each, renamed, and selected.
        selection_->select({1, 3}, nullptr);
        QCOMPARE(panel_->selectedRows(), (QList<int>{1, 3}));
        panel_->duplicateAction()->trigger();
        QCOMPARE(model()->rowCount(), 7);
        QCOMPARE(workspace_->table().rows()[2].model, QStringLiteral("B (copy)"));
        QCOMPARE(workspace_->table().rows()[5].model, QStringLiteral("D (copy)"));
        QCOMPARE(workspace_->table().rows()[2].score.value(), 82.0);
        QVERIFY(!workspace_->table().rows()[2].flagged);
        QCOMPARE(selection_->rows(), (QSet<int>{2, 5}));
        QCOMPARE(panel_->selectedRows(), (QList<int>{2, 5}));
        // Delete the copies: back to A, B, C, D + the new row.
        panel_->deleteAction()->trigger();
        QCOMPARE(model()->rowCount(), 5);
        QStringList names;
        for (const ModelRow& r : workspace_->table().rows())
            names << r.model;
        QCOMPARE(names, (QStringList{"A", "B", "C", "D", ""}));
        QVERIFY(selection_->rows().isEmpty());
    }

    void filters()
    {
        ModelFilterModel* f = panel_->filterModel();
        auto visible = [f] {
            QStringList out;
            for (int r = 0; r < f->rowCount(); ++r)
                out << f->index(r, 0).data().toString();
            return out;
        };
        panel_->taskFilter()->setCurrentIndex(panel_->taskFilter()->findData(QStringLiteral("classification")));
        QCOMPARE(visible(), (QStringList{"A", "B"}));
        panel_->taskFilter()->setCurrentIndex(0);
        // The dataset filter lists datasets by canonical name; ILSVRC2012 is ImageNet.
        QComboBox* datasets = panel_->datasetFilter();
        QCOMPARE(datasets->count(), 4); // all, ImageNet, COCO, Cityscapes
        datasets->setCurrentIndex(datasets->findText(QStringLiteral("ImageNet")));
        QCOMPARE(visible(), (QStringList{"A", "B"}));
        datasets->setCurrentIndex(0);
        QTest::keyClicks(panel_->searchField(), QStringLiteral("NO DEVICE"));
        QCOMPARE(visible(), (QStringList{"D"}));
        panel_->searchField()->clear();
        QCOMPARE(visible().size(), 4);
        // Sorting by CO2 puts the models without CO2 first (ascending), then 5.2, 21.2, 84.8.
        panel_->view()->sortByColumn(model()->columnOf(ModelTableModel::Computed::Co2), Qt::AscendingOrder);
        QCOMPARE(visible(), (QStringList{"D", "C", "A", "B"}));
    }

    void tableSelectionSelectsModels()
    {
        QSignalSpy changed(selection_.get(), &ModelSelectionStore::changed);
        QTableView* view = panel_->view();
        view->selectRow(2);
        QCOMPARE(selection_->rows(), QSet<int>{2});
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.at(0).at(0).value<const QObject*>(), static_cast<const QObject*>(panel_.get()));
        // Adding a row to the view's selection (as Ctrl+click does).
        const QModelIndex b = panel_->filterModel()->mapFromSource(cell(0, QStringLiteral("model")));
        view->selectionModel()->select(b, QItemSelectionModel::Select | QItemSelectionModel::Rows);
        QCOMPARE(selection_->rows(), (QSet<int>{0, 2}));
        QCOMPARE(changed.count(), 2);
        // A filter that hides a selected row keeps it selected (a view, not a choice).
        panel_->taskFilter()->setCurrentIndex(panel_->taskFilter()->findData(QStringLiteral("classification")));
        QCOMPARE(selection_->rows(), (QSet<int>{0, 2}));
        panel_->taskFilter()->setCurrentIndex(0);
        QCOMPARE(panel_->selectedRows(), (QList<int>{0, 2}));
    }

    void selectionSelectsTableRows()
    {
        QSignalSpy changed(selection_.get(), &ModelSelectionStore::changed);
        QObject chart; // another view, e.g. a chart
        selection_->select({1, 3}, &chart);
        QCOMPARE(panel_->selectedRows(), (QList<int>{1, 3}));
        // No feedback: the table did not announce a change of its own.
        QCOMPARE(changed.count(), 1);
        selection_->clear(&chart);
        QVERIFY(panel_->selectedRows().isEmpty());
        QCOMPARE(changed.count(), 2);
        // Deleting a row renumbers the selection.
        selection_->select({3}, &chart);
        editing_->removeRows({0});
        QCOMPARE(selection_->rows(), QSet<int>{2});
        QCOMPARE(panel_->selectedRows(), QList<int>{2});
    }

    void settingsChangesRecomputeAtOnce()
    {
        using C = ModelTableModel::Computed;
        ModelSettingsPanel settings(workspace_.get());
        // PUE 1.58: 100 h x 300 W x 1.58 / 1000 x 0.707 = 33.5118 kg.
        settings.pueBox()->setValue(1.58);
        QCOMPARE(workspace_->settings().pue, 1.58);
        QVERIFY(close(computed(0, C::Co2), 33.511799999999994));
        settings.pueBox()->setValue(1.0);
        // A region of the bundled table: Canada 0.170 kg/kWh -> 30 kWh x 0.170 = 5.1 kg.
        QComboBox* region = settings.regionBox();
        region->setCurrentIndex(region->findData(QStringLiteral("Canada")));
        QCOMPARE(workspace_->settings().kgPerKwh, 0.170);
        QVERIFY(close(computed(0, C::Co2), 5.1));
        QVERIFY(!settings.intensityBox()->isEnabled());
        // A custom value: 0.5 -> 15 kg.
        region->setCurrentIndex(region->count() - 1);
        settings.intensityBox()->setValue(0.5);
        QVERIFY(close(computed(0, C::Co2), 15.0));
        // Utilisation 66 %: C's estimate halves.
        settings.utilisationBox()->setValue(66.0);
        QVERIFY(close(computed(2, C::Hours), 3 * 100e9 * 118287 * 12 / (19.5e12 * 0.66) / 3600));
        // MACs as 1 FLOP: B's FLOPs become 8e9.
        settings.macBox()->setChecked(false);
        QVERIFY(close(computed(1, C::Flops), 8.0));
        settings.macBox()->setChecked(true);
        // Log base 10: 80 x 2.5 / log10(4e9).
        settings.logBaseBox()->setCurrentIndex(settings.logBaseBox()->findData(QStringLiteral("log10")));
        QVERIFY(close(computed(0, C::NoFade), 20.828863825119683));
        // Method paper-eq1: the energy column is labelled "as published", PUE is disabled.
        settings.methodBox()->setCurrentIndex(settings.methodBox()->findData(QStringLiteral("paper-eq1")));
        QCOMPARE(workspace_->settings().method, Co2Method::PaperEq1);
        QVERIFY(model()->headerData(model()->columnOf(C::Energy), Qt::Horizontal, Qt::DisplayRole).toString().contains(QLatin1String("as published")));
        QVERIFY(!settings.pueBox()->isEnabled());
        // Score scale fraction: scores of 80 become errors, marked in the table.
        settings.scoreScaleBox()->setCurrentIndex(settings.scoreScaleBox()->findData(QStringLiteral("fraction")));
        QCOMPARE(cell(0, QStringLiteral("score")).data(ModelTableModel::IssueRole).toInt(), 2);
        QVERIFY(cell(0, QStringLiteral("score")).data(Qt::ToolTipRole).toString().contains(QLatin1String("above 1")));
        // Measure switch: ImageNet to C_H; the typed value is still used, whatever the measure.
        QTableWidget* complexities = settings.complexityEditor()->table();
        auto* measure = qobject_cast<QComboBox*>(complexities->cellWidget(0, ComplexityEditorWidget::Measure));
        QVERIFY(measure);
        measure->setCurrentIndex(measure->findData(QStringLiteral("C_H")));
        QVERIFY(uitest::waitForReport(workspace_.get()));
        QCOMPARE(workspace_->report().datasets[0].measure, QStringLiteral("C_H"));
        // The widgets follow settings changed elsewhere (an opened session).
        ReportSettings s = workspace_->settings();
        s.pue = 1.2;
        s.method = Co2Method::HardwareEnergy;
        workspace_->setSettings(s);
        QCOMPARE(settings.pueBox()->value(), 1.2);
        QVERIFY(settings.pueBox()->isEnabled());
    }

    // The life-cycle terms and the uncertainty's draws, beside the other settings: each reaches
    // the report (hand arithmetic of METHODS.md's life-cycle section) and follows the workspace.
    void lifeCycleAndUncertaintySettings()
    {
        ModelSettingsPanel settings(workspace_.get());
        QVERIFY(!settings.embodiedBox()->isChecked());
        QVERIFY(!settings.deviceKgBox()->isEnabled());
        QVERIFY(!settings.idleShareBox()->isEnabled());
        settings.embodiedBox()->setChecked(true);
        QVERIFY(workspace_->settings().lifeCycle.embodied);
        QVERIFY(settings.deviceKgBox()->isEnabled());
        QVERIFY(uitest::waitForReport(workspace_.get()));
        // A: 100 device-hours x (150 + 2500 / 8) kg / (6 years x 8760 h x 0.85).
        const double embodied = 100.0 * (150.0 + 2500.0 / 8.0) / (6.0 * 8760.0 * 0.85);
        {
            const ModelResult& a = workspace_->report().models.at(0);
            QVERIFY(a.co2Terms && a.co2Terms->embodiedKg);
            QVERIFY(close(*a.co2Terms->embodiedKg, embodied));
            QVERIFY(close(*a.co2Kg, 21.21 + embodied));
        }
        // Idle and infrastructure at 50% of the operational energy: 30 kWh x 0.5 x 0.707 kg.
        settings.idleBox()->setChecked(true);
        settings.idleShareBox()->setValue(50.0);
        QCOMPARE(workspace_->settings().lifeCycle.idleShare, 0.5);
        settings.embodiedBox()->setChecked(false);
        QVERIFY(uitest::waitForReport(workspace_.get()));
        {
            const ModelResult& a = workspace_->report().models.at(0);
            QVERIFY(a.co2Terms && a.co2Terms->idleKg && !a.co2Terms->embodiedKg);
            QVERIFY(close(*a.co2Terms->idleKg, 15.0 * 0.707));
            QVERIFY(close(*a.co2Kg, 21.21 + 15.0 * 0.707));
        }
        // No draws: no intervals, and the report says why.
        QVERIFY(workspace_->report().models.at(0).co2Spread);
        settings.drawsBox()->setValue(0);
        QCOMPARE(workspace_->settings().uncertainty.draws, 0);
        settings.bootstrapBox()->setValue(300);
        QCOMPARE(workspace_->settings().uncertainty.bootstrapRounds, 300);
        QVERIFY(uitest::waitForReport(workspace_.get()));
        QVERIFY(!workspace_->report().models.at(0).co2Spread);
        QVERIFY(!workspace_->report().models.at(0).intervalReason.isEmpty());
        // The widgets follow settings changed elsewhere (an opened session).
        ReportSettings s = workspace_->settings();
        s.lifeCycle.idle = false;
        s.lifeCycle.embodied = true;
        s.lifeCycle.lifetimeYears = 4.0;
        s.uncertainty.draws = 5000;
        workspace_->setSettings(s);
        QVERIFY(!settings.idleBox()->isChecked());
        QVERIFY(settings.embodiedBox()->isChecked());
        QCOMPARE(settings.lifetimeBox()->value(), 4.0);
        QCOMPARE(settings.drawsBox()->value(), 5000);
        QVERIFY(!settings.idleShareBox()->isEnabled());
    }

    // The input ranges the Monte Carlo draws from, typed in Model settings: with every input of A
    // fixed but the carbon intensity, uniform on [0.5, 0.9], A's CO2 is 30 kWh x U(0.5, 0.9), whose
    // 5th and 95th percentiles are 30 x 0.52 = 15.6 and 30 x 0.88 = 26.4 kg (closed form).
    void uncertaintyRangesReachTheIntervals()
    {
        ModelSettingsPanel settings(workspace_.get());
        UncertaintyRangesWidget* ranges = settings.rangesWidget();
        QVERIFY(ranges);
        QCOMPARE(ranges->field(QStringLiteral("pue"))->text(), QStringLiteral("1:1.58")); // the default, shown
        auto type = [&](const char* key, const QString& text) {
            QLineEdit* edit = ranges->field(QLatin1String(key));
            QVERIFY(edit);
            edit->setText(text);
            Q_EMIT edit->editingFinished();
        };
        type("reported_hours_factor", QStringLiteral("1"));
        type("derived_hours_factor", QStringLiteral("1"));
        type("draw_of_tdp", QStringLiteral("1"));
        type("pue", QStringLiteral("1"));
        type("carbon_intensity_kg_per_kwh", QStringLiteral("0.5:0.9"));
        ranges->macProbabilityBox()->setValue(0.0);
        const UncertaintySettings& u = workspace_->settings().uncertainty;
        QCOMPARE(u.kgPerKwh, (UniformRange{0.5, 0.9}));
        QCOMPARE(u.pue, (UniformRange{1.0, 1.0}));
        QCOMPARE(u.flopsAreMacsProbability, 0.0);
        QVERIFY(uitest::waitForReport(workspace_.get()));
        const ModelResult& a = workspace_->report().models.at(0);
        QVERIFY(a.co2Spread);
        // 10,000 draws: the sample quantiles lie within about 0.2 kg of the exact ones.
        QVERIFY2(std::abs(a.co2Spread->interval.low - 15.6) < 0.3, qPrintable(QString::number(a.co2Spread->interval.low)));
        QVERIFY2(std::abs(a.co2Spread->interval.high - 26.4) < 0.3, qPrintable(QString::number(a.co2Spread->interval.high)));

        // A range that does not parse, or a PUE below 1, is marked, said and not applied.
        for (const QString& bad : {QStringLiteral("abc"), QStringLiteral("0.8:1.2")}) {
            type("pue", bad);
            QLineEdit* pue = ranges->field(QStringLiteral("pue"));
            QVERIFY(pue->property("invalid").toBool());
            QVERIFY(!pue->toolTip().isEmpty());
            QCOMPARE(workspace_->settings().uncertainty.pue, (UniformRange{1.0, 1.0}));
            QCOMPARE(pue->text(), bad); // kept for mending
        }
        type("pue", QStringLiteral("1.1:1.3"));
        QVERIFY(!ranges->field(QStringLiteral("pue"))->property("invalid").toBool());
        QCOMPARE(workspace_->settings().uncertainty.pue, (UniformRange{1.1, 1.3}));
        // The fields follow settings changed elsewhere (an opened session).
        ReportSettings s = workspace_->settings();
        s.uncertainty.utilisation = {0.3, 0.4};
        workspace_->setSettings(s);
        QCOMPARE(ranges->field(QStringLiteral("utilisation"))->text(), QStringLiteral("0.3:0.4"));
    }

    // What if: the selected model's CO2 in every region of the carbon table and on every
    // accelerator with a peak FP32, each ranked from the lowest; hand arithmetic for A (100 h on a
    // V100 at 300 W, PUE 1: 30 kWh).
    void whatIfRanksRegionsAndDevices()
    {
        WhatIfTab tab(workspace_.get(), selection_.get());
        selection_->select({0}, nullptr);
        QCOMPARE(tab.modelRow(), 0);
        const CarbonTable carbon = CarbonTable::bundled();
        QTableWidget* regions = tab.regionTable();
        QCOMPARE(regions->rowCount(), int(carbon.regions().size()));
        double previous = -1.0;
        int canada = -1;
        for (int r = 0; r < regions->rowCount(); ++r) {
            const double kg = regions->item(r, 2)->data(Qt::UserRole).toDouble();
            QVERIFY(kg >= previous); // ranked
            previous = kg;
            if (regions->item(r, 0)->text().startsWith(QLatin1String("Canada")))
                canada = r;
        }
        QVERIFY(canada >= 0);
        QVERIFY(close(regions->item(canada, 2)->data(Qt::UserRole).toDouble(), 30.0 * 0.170));
        // The model's own intensity (0.707, the paper's EPA factor) is marked as computed, 1x.
        bool own = false;
        for (int r = 0; r < regions->rowCount(); ++r)
            if (regions->item(r, 0)->text().contains(QLatin1String("as computed"))) {
                own = true;
                QVERIFY(close(regions->item(r, 2)->data(Qt::UserRole).toDouble(), 21.21));
                QCOMPARE(regions->item(r, 3)->text(), QStringLiteral("1.00×"));
            }
        QVERIFY(own);
        // On an A100: the same FLOPs at its peak, 100 h x peak(V100) / 19.5 TFLOP/s, at 400 W.
        const double v100 = workspace_->hardware().find(QStringLiteral("V100"))->peakFp32Tflops.value();
        const double hours = 100.0 * v100 / 19.5;
        QTableWidget* devices = tab.deviceTable();
        QVERIFY(devices->rowCount() >= 2);
        int a100 = -1;
        previous = -1.0;
        for (int r = 0; r < devices->rowCount(); ++r) {
            QVERIFY(devices->item(r, 3)->data(Qt::UserRole).toDouble() >= previous);
            previous = devices->item(r, 3)->data(Qt::UserRole).toDouble();
            if (devices->item(r, 0)->text() == QStringLiteral("NVIDIA A100 SXM4 40/80GB"))
                a100 = r;
        }
        QVERIFY(a100 >= 0);
        QVERIFY(std::abs(devices->item(a100, 1)->data(Qt::UserRole).toDouble() - hours) < 1e-9 * hours);
        QVERIFY(close(devices->item(a100, 3)->data(Qt::UserRole).toDouble(), hours * 400.0 / 1000.0 * 0.707));
        QVERIFY2(tab.summary().contains(QStringLiteral("A on NVIDIA Tesla V100 SXM2 16GB: 21.2 kg CO₂ as computed")), qPrintable(tab.summary()));
        // D has no device: no what-if, with the reason; it is not offered.
        QCOMPARE(tab.findChild<QComboBox*>(QStringLiteral("whatIfModel"))->findData(3), -1);
        // Another selection follows; a new report keeps the model shown.
        selection_->select({1}, nullptr);
        QCOMPARE(tab.modelRow(), 1);
        editing_->setCell(0, QStringLiteral("notes"), QStringLiteral("x"));
        QVERIFY(uitest::waitForReport(workspace_.get()));
        QCOMPARE(tab.modelRow(), 1);
    }

    void scannedProfilesFeedComplexities()
    {
        using C = ModelTableModel::Computed;
        // A profile named like the table's COCO: classes a {2 bits}, b {2 bits}, c {6 bits}.
        // C_H = (2 + 2 + 6) / 3; with 64-bin class histograms a = b and c is disjoint from both,
        // so the pairs' JS distances are 0, 1, 1 and C_JS = ln(2).
        Profile p = makeEmptyProfile(ProfileSettings{}, ProfileSource{}, {QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")});
        for (const auto& [cls, h] : {std::pair{0, 2.0}, std::pair{1, 2.0}, std::pair{2, 6.0}}) {
            p.moments.add(h);
            p.fine.add(h);
            p.classes[std::size_t(cls)].moments.add(h);
            p.classes[std::size_t(cls)].histogram.add(h);
        }
        DatasetStore store;
        ProfileComplexityController feed(&store, workspace_.get());
        DatasetEntry entry;
        entry.name = QStringLiteral("MS COCO"); // an alias of the table's COCO
        entry.state = DatasetState::Scanned;
        entry.profile = std::make_shared<const Profile>(p);
        entry.jsd = std::make_shared<const JsdSummary>(p.jsd());
        const int id = store.add(entry);
        // COCO is a detection dataset: C_H by default.
        QVERIFY(close(computed(2, C::NoFade), 40 * (10.0 / 3.0) / std::log(1e11)));
        ReportSettings s = workspace_->settings();
        s.measures.insert(QStringLiteral("coco"), nofade::ComplexityMeasure::JensenShannon);
        workspace_->setSettings(s);
        QVERIFY(close(computed(2, C::NoFade), 40 * std::log(2.0) / std::log(1e11)));
        // A typed value wins over the profile; removing it brings the profile's back.
        ModelSettingsPanel settings(workspace_.get());
        settings.complexityEditor()->setTyped(QStringLiteral("COCO"), QStringLiteral("7.25"), QStringLiteral("hand value"));
        QVERIFY(close(computed(2, C::NoFade), 40 * 7.25 / std::log(1e11)));
        settings.complexityEditor()->setTyped(QStringLiteral("COCO"), QString(), QString());
        QVERIFY(close(computed(2, C::NoFade), 40 * std::log(2.0) / std::log(1e11)));
        // Text that is not a number is refused in place (marked), nothing changes.
        settings.complexityEditor()->setTyped(QStringLiteral("COCO"), QStringLiteral("seven"), QString());
        QVERIFY(close(computed(2, C::NoFade), 40 * std::log(2.0) / std::log(1e11)));
        QTableWidgetItem* typed = settings.complexityEditor()->table()->item(1, ComplexityEditorWidget::Typed);
        QCOMPARE(typed->text(), QStringLiteral("seven"));
        QVERIFY(typed->toolTip().contains(QLatin1String("not a number")));
        // Renaming the dataset away from COCO, or removing it, takes its complexity away.
        store.remove(id);
        QVERIFY(!hasComputed(2, C::NoFade));
    }

    void csvExportImportRoundTrip()
    {
        QTemporaryDir dir;
        editing_->setCell(0, QStringLiteral("notes"), QStringLiteral("edited, with \"quotes\"\nand a line"));
        const QString file = dir.filePath(QStringLiteral("out.csv"));
        QString message;
        QVERIFY2(panel_->exportCsv(file, &message), qPrintable(message));
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray written = f.readAll();
        QCOMPARE(written, workspace_->table().toCsv());
        // Import into a workspace holding the bundled corpus: the same table comes back; undo restores the corpus.
        ModelStore other;
        QVERIFY(uitest::waitForReport(&other));
        ModelSelectionStore otherSelection;
        ModelEditingController otherEditing(&other);
        ModelsPanel otherPanel(&other, &otherEditing, &otherSelection);
        QVERIFY2(otherPanel.importCsv(file, &message), qPrintable(message));
        QCOMPARE(other.table().toCsv(), written);
        QCOMPARE(other.table().rows()[0].notes, QStringLiteral("edited, with \"quotes\"\nand a line"));
        QVERIFY(message.contains(QLatin1String("Imported 4 models")));
        otherEditing.undoStack()->undo();
        QVERIFY(other.isBundledTable());
        // Bad cells: imported and marked; the message names file, row, column and reason.
        const QString bad = dir.filePath(QStringLiteral("bad.csv"));
        QFile b(bad);
        QVERIFY(b.open(QIODevice::WriteOnly));
        b.write("model,task,dataset,score\nX,classification,ImageNet,90\nY,classification,ImageNet,lots\n");
        b.close();
        QVERIFY(otherPanel.importCsv(bad, &message));
        QVERIFY2(message.contains(QStringLiteral("bad.csv: row 2 (line 3), column \"score\": \"lots\" is not a number")), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("Imported 2 models from %1 with 1 error (marked").arg(bad)), qPrintable(message));
        // Not a model table: refused, nothing changes.
        const QByteArray before = other.table().toCsv();
        QVERIFY(b.open(QIODevice::WriteOnly | QIODevice::Truncate));
        b.write("name,value\nx,1\n");
        b.close();
        QVERIFY(!otherPanel.importCsv(bad, &message));
        QVERIFY2(message.contains(QStringLiteral("bad.csv: line 1: the header has no \"model\" column")), qPrintable(message));
        QCOMPARE(other.table().toCsv(), before);
        QVERIFY(!otherPanel.importCsv(dir.filePath(QStringLiteral("missing.csv")), &message));
        QVERIFY(message.contains(QLatin1String("missing.csv: cannot read")));
    }

    // The dataset complexity table fits the Model settings dock's width: no sideways scrolling,
    // and editing Typed keeps the Dataset column in sight.
    void complexityTableFitsTheDock()
    {
        ModelStore store; // the bundled corpus: six datasets
        QVERIFY(uitest::waitForReport(&store));
        ComplexityEditorWidget editor(&store);
        editor.resize(400, 320);
        editor.show();
        QVERIFY(QTest::qWaitForWindowExposed(&editor));
        QTableWidget* table = editor.table();
        QVERIFY(table->rowCount() >= 6);
        int width = 0;
        for (int c = 0; c < table->columnCount(); ++c)
            width += table->horizontalHeader()->sectionSize(c);
        QVERIFY2(width <= table->viewport()->width(), qPrintable(QStringLiteral("columns %1 px, view %2 px").arg(width).arg(table->viewport()->width())));
        table->setCurrentCell(0, ComplexityEditorWidget::Typed);
        table->editItem(table->item(0, ComplexityEditorWidget::Typed));
        QTest::qWait(50);
        QCOMPARE(table->horizontalScrollBar()->value(), 0);
        QVERIFY(table->visualItemRect(table->item(0, ComplexityEditorWidget::Dataset)).left() >= 0);
    }
};

QTEST_MAIN(TestModelTableUi)
#include "test_model_table_ui.moc"
