#include "model_table/model_cell_delegate.h"

#include <QLineEdit>
#include <QRegularExpression>
#include <QValidator>

#include "model_table/model_table_model.h"
#include "models/model_table.h"
#include "models/text_values.h"

namespace nofade::ui {

namespace {

// Accepts what core's parseNumber reads (empty clears the cell), and the prefixes of it that
// typing passes through ("1e", "-", "."); refuses anything else as it is typed.
class NumberValidator : public QValidator {
public:
    NumberValidator(bool whole, QObject* parent) : QValidator(parent), whole_(whole) {}

    State validate(QString& input, int&) const override
    {
        const QString t = input.trimmed();
        if (t.isEmpty())
            return Acceptable;
        static const QRegularExpression partialReal(QStringLiteral("^[+-]?[0-9]*\\.?[0-9]*([eE][+-]?[0-9]*)?$"));
        static const QRegularExpression partialWhole(QStringLiteral("^[0-9]*$"));
        if (!(whole_ ? partialWhole : partialReal).match(t).hasMatch())
            return Invalid;
        return parseNumber(t) ? Acceptable : Intermediate;
    }

private:
    bool whole_;
};

} // namespace

QWidget* ModelCellDelegate::createEditor(QWidget* parent, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    const int kind = index.data(ModelTableModel::NumberKindRole).toInt();
    if (kind == 0)
        return ChoiceDelegate::createEditor(parent, option, index);
    auto* edit = new QLineEdit(parent);
    edit->setValidator(new NumberValidator(kind >= 2, edit));
    edit->setToolTip(kind == 3   ? tr("The publication year (%1 to %2), or empty").arg(kFirstModelYear).arg(kLastModelYear)
                     : kind == 2 ? tr("A whole number (1 or more), or empty")
                                 : tr("A number such as 83.6 or 4.1e9, or empty"));
    return edit;
}

} // namespace nofade::ui
