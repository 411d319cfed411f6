#include "dataset_list/scan_status_widget.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QToolButton>

#include "dataset_list/dataset_table_model.h"
#include "dataset_state/dataset_store.h"
#include "dataset_state/scan_controller.h"

namespace nofade::ui {

ScanStatusWidget::ScanStatusWidget(DatasetStore* store, ScanController* queue, QWidget* parent)
    : QWidget(parent), store_(store), queue_(queue)
{
    setObjectName(QStringLiteral("scanStatus"));
    label_ = new QLabel;
    bar_ = new QProgressBar;
    bar_->setRange(0, 1000);
    bar_->setMaximumWidth(160);
    bar_->setTextVisible(false);
    cancel_ = new QToolButton;
    cancel_->setText(tr("Cancel"));
    cancel_->setToolTip(tr("Cancel the running scan; what was analysed is kept as an incomplete profile"));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(label_);
    layout->addWidget(bar_);
    layout->addWidget(cancel_);
    connect(cancel_, &QToolButton::clicked, this, [this] { queue_->cancel(queue_->runningId()); });
    connect(store_, &DatasetStore::changed, this, &ScanStatusWidget::refresh);
    connect(queue_, &ScanController::idle, this, &ScanStatusWidget::refresh);
    refresh();
}

QString ScanStatusWidget::text() const { return label_->text(); }

void ScanStatusWidget::refresh()
{
    const DatasetEntry* e = store_->find(queue_->runningId());
    if (!e) {
        setVisible(false);
        return;
    }
    setVisible(true);
    QString text = tr("%1: %2").arg(e->name, DatasetTableModel::progressText(*e));
    if (queue_->pendingCount() > 0)
        text += tr(" · %n more queued", nullptr, queue_->pendingCount());
    label_->setText(text);
    bar_->setValue(e->progress.total > 0 ? int(1000.0 * double(e->progress.done) / double(e->progress.total)) : 0);
    cancel_->setEnabled(e->state == DatasetState::Scanning);
}

} // namespace nofade::ui
