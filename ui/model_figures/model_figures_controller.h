#pragma once
// Wires the model charts into the main window: adds the Saturation curves, NoFADE and What if tabs, and the
// actions Export all figures… and Copy chart (Ctrl+Shift+C). Keeps MainWindow thin.
#include <QList>
#include <QJsonObject>
#include <QObject>

class QAction;
class QTabWidget;
class QWidget;

namespace nofade::ui {

class DatasetStore;

class ModelFigureTab;
class ModelSelectionStore;
class ModelStore;
class NoFadeTab;
class SaturationTab;
class WhatIfTab;

class ModelFiguresController : public QObject {
    Q_OBJECT
public:
    ModelFiguresController(ModelStore* workspace, ModelSelectionStore* selection, QTabWidget* tabs, QObject* parent = nullptr);

    SaturationTab* saturationView() const { return saturation_; }
    NoFadeTab* noFadeView() const { return noFade_; }
    WhatIfTab* whatIfView() const { return whatIf_; }
    // The current tab when it is a model figure, else null.
    ModelFigureTab* currentFigureView() const;
    // For the File menu: Export all figures…, Copy chart.
    QList<QAction*> actions() const { return {exportAll_, copy_}; }
    // Export all figures also draws the entropy figures of these datasets.
    void setDatasetStore(const DatasetStore* store) { datasets_ = store; }

    // The chart choices a session keeps: which datasets and task are shown, colours and styles.
    QJsonObject state() const;
    void restoreState(const QJsonObject& state);

    void exportAllFigures();
    void copyCurrentChart();

Q_SIGNALS:
    void statusMessage(const QString& text);

private:
    ModelStore* workspace_;
    ModelSelectionStore* selection_;
    QTabWidget* tabs_;
    SaturationTab* saturation_;
    NoFadeTab* noFade_;
    WhatIfTab* whatIf_;
    QAction* exportAll_;
    const DatasetStore* datasets_ = nullptr;
    QAction* copy_;
};

} // namespace nofade::ui
