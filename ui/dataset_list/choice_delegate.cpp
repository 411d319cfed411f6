#include "dataset_list/choice_delegate.h"

#include <QComboBox>
#include <QStandardItemModel>

#include "dataset_list/dataset_table_model.h"

namespace nofade::ui {

QWidget* ChoiceDelegate::createEditor(QWidget* parent, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    const QStringList choices = index.data(DatasetTableModel::ChoicesRole).toStringList();
    if (choices.isEmpty())
        return QStyledItemDelegate::createEditor(parent, option, index);
    auto* combo = new QComboBox(parent);
    combo->addItems(choices);
    // Choices that cannot be taken now: shown greyed, the reason as their tooltip.
    const QVariantMap unavailable = index.data(DatasetTableModel::UnavailableChoicesRole).toMap();
    auto* items = qobject_cast<QStandardItemModel*>(combo->model());
    for (int i = 0; items && i < combo->count(); ++i)
        if (unavailable.contains(combo->itemText(i))) {
            items->item(i)->setEnabled(false);
            items->item(i)->setToolTip(unavailable.value(combo->itemText(i)).toString());
        }
    // Commit as soon as a value is picked, like a native table cell.
    connect(combo, &QComboBox::activated, this, [this, combo] {
        Q_EMIT const_cast<ChoiceDelegate*>(this)->commitData(combo);
        Q_EMIT const_cast<ChoiceDelegate*>(this)->closeEditor(combo);
    });
    return combo;
}

void ChoiceDelegate::setEditorData(QWidget* editor, const QModelIndex& index) const
{
    if (auto* combo = qobject_cast<QComboBox*>(editor))
        combo->setCurrentText(index.data(Qt::DisplayRole).toString().section(QLatin1Char(' '), 0, 0)); // without a " ⚠" mark
    else
        QStyledItemDelegate::setEditorData(editor, index);
}

void ChoiceDelegate::setModelData(QWidget* editor, QAbstractItemModel* model, const QModelIndex& index) const
{
    if (auto* combo = qobject_cast<QComboBox*>(editor))
        model->setData(index, combo->currentText(), Qt::EditRole);
    else
        QStyledItemDelegate::setModelData(editor, model, index);
}

} // namespace nofade::ui
