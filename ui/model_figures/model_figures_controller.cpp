#include "model_figures/model_figures_controller.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QMessageBox>
#include <QTabWidget>

#include "export/export_source.h"
#include "export/figure_export_dialog.h"
#include "export/figure_folder_export.h"
#include "export/tab_figure.h"
#include "model_figures/nofade_tab.h"
#include "model_figures/saturation_tab.h"
#include "model_table/model_selection_store.h"
#include "model_table/model_store.h"
#include "what_if/what_if_tab.h"

namespace nofade::ui {

ModelFiguresController::ModelFiguresController(ModelStore* workspace, ModelSelectionStore* selection, QTabWidget* tabs, QObject* parent)
    : QObject(parent), workspace_(workspace), selection_(selection), tabs_(tabs)
{
    saturation_ = new SaturationTab(workspace, selection);
    noFade_ = new NoFadeTab(workspace, selection);
    tabs->addTab(saturation_, tr("&Saturation curves"));
    tabs->addTab(noFade_, tr("&NoFADE"));
    whatIf_ = new WhatIfTab(workspace, selection);
    tabs->addTab(whatIf_, tr("&What if"));

    exportAll_ = new QAction(tr("Export &all figures…"), this);
    exportAll_->setObjectName(QStringLiteral("exportAllFigures"));
    exportAll_->setStatusTip(tr("Write every figure (PNG, SVG, PDF) with its data (CSV), and the settings (JSON), into a folder"));
    connect(exportAll_, &QAction::triggered, this, &ModelFiguresController::exportAllFigures);
    copy_ = new QAction(tr("&Copy chart"), this);
    copy_->setObjectName(QStringLiteral("copyChart"));
    copy_->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    copy_->setStatusTip(tr("Copy the current chart to the clipboard as an image"));
    connect(copy_, &QAction::triggered, this, &ModelFiguresController::copyCurrentChart);
}

ModelFigureTab* ModelFiguresController::currentFigureView() const
{
    return qobject_cast<ModelFigureTab*>(tabs_->currentWidget());
}

void ModelFiguresController::copyCurrentChart()
{
    if (ModelFigureTab* view = currentFigureView()) {
        view->copyToClipboard();
    } else if (auto* source = dynamic_cast<ExportSource*>(tabs_->currentWidget())) {
        // The entropy views: the widget as it is on screen.
        QApplication::clipboard()->setImage(source->exportWidget()->grab().toImage());
    } else {
        return;
    }
    Q_EMIT statusMessage(tr("Chart copied to the clipboard"));
}

void ModelFiguresController::exportAllFigures()
{
    auto* parentWidget = tabs_->window();
    ModelFigureTab* current = currentFigureView();
    FigureExportDialog dialog(FigureExportDialog::Mode::Folder, current ? current->style() : FigureStyle::screen(), parentWidget);
    if (dialog.exec() != QDialog::Accepted)
        return;
    FolderExport job;
    job.style = dialog.style();
    job.size = dialog.size();
    job.colourBy = saturation_->spec().colourBy;
    job.selected = selection_->rows();
    QString error;
    QApplication::setOverrideCursor(Qt::WaitCursor);
    FigureInputs inputs = datasets_ ? storeInputs(*datasets_) : FigureInputs{};
    inputs.report = std::make_shared<const Report>(workspace_->report());
    const bool ok = job.run(std::move(inputs), dialog.path(), &error);
    QApplication::restoreOverrideCursor();
    if (!ok) {
        QMessageBox::warning(parentWidget, tr("Export failed"), error);
        return;
    }
    QString text = tr("Exported %1 files to %2").arg(job.written.size()).arg(dialog.path());
    if (!job.skipped.isEmpty())
        text += tr(" (left out: %1)").arg(job.skipped.join(QStringLiteral("; ")));
    Q_EMIT statusMessage(text);
}

QJsonObject ModelFiguresController::state() const
{
    return {
        {QStringLiteral("saturation_datasets"), saturation_->datasetsChoice()},
        {QStringLiteral("saturation_colour_by"), int(saturation_->colourBy())},
        {QStringLiteral("saturation_style"), saturation_->style().name},
        {QStringLiteral("nofade_task"), noFade_->task()},
        {QStringLiteral("nofade_style"), noFade_->style().name},
    };
}

void ModelFiguresController::restoreState(const QJsonObject& state)
{
    // Unknown or missing choices keep the current ones (the setters ignore values they lack).
    if (state.contains(QStringLiteral("saturation_datasets")))
        saturation_->setDatasets(state.value(QStringLiteral("saturation_datasets")).toString());
    if (state.contains(QStringLiteral("saturation_colour_by")))
        saturation_->setColourBy(ColourBy(state.value(QStringLiteral("saturation_colour_by")).toInt()));
    saturation_->setStyleName(state.value(QStringLiteral("saturation_style")).toString());
    if (state.contains(QStringLiteral("nofade_task")))
        noFade_->setTask(state.value(QStringLiteral("nofade_task")).toString());
    noFade_->setStyleName(state.value(QStringLiteral("nofade_style")).toString());
}

} // namespace nofade::ui
