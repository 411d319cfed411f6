#pragma once
// Edits a model-table cell with the right editor: a combo box of the cell's choices (task,
// device from the hardware table, provenance, confidence, compute unit), a line edit that accepts
// only a number as it is typed (a whole number for device counts and years), or a plain line edit.
#include "dataset_list/choice_delegate.h"

namespace nofade::ui {

class ModelCellDelegate : public ChoiceDelegate {
    Q_OBJECT
public:
    using ChoiceDelegate::ChoiceDelegate;
    QWidget* createEditor(QWidget* parent, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
};

} // namespace nofade::ui
