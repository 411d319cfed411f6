#pragma once
// The status bar's running work: which dataset is scanning, its progress, images/s, ETA, how many
// are queued, and a Cancel button.
#include <QWidget>

class QLabel;
class QProgressBar;
class QToolButton;

namespace nofade::ui {

class DatasetStore;
class ScanController;

class ScanStatusWidget : public QWidget {
    Q_OBJECT
public:
    ScanStatusWidget(DatasetStore* store, ScanController* queue, QWidget* parent = nullptr);
    QString text() const;

private:
    void refresh();

    DatasetStore* store_;
    ScanController* queue_;
    QLabel* label_;
    QProgressBar* bar_;
    QToolButton* cancel_;
};

} // namespace nofade::ui
