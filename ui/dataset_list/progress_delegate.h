#pragma once
// Paints a progress bar with the scan's numbers (images/s, ETA) in a cell whose
// DatasetTableModel::ProgressRole is in [0, 1]; other cells are painted as usual.
#include <QStyledItemDelegate>

namespace nofade::ui {

class ProgressDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
};

} // namespace nofade::ui
