#pragma once
// The problems of an import, one per line: where (file, line, field), error (the line is left
// out) or warning (imported, with a caveat), and the reason. Read-only.
#include <memory>
#include <QAbstractTableModel>

#include "imports/imported_run.h"

namespace nofade::ui {

class ImportIssueModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum class Column { Where, Severity, Field, Reason };
    static constexpr int kColumns = 4;
    enum Role { LineRole = Qt::UserRole + 1, MessageRole }; // the input line; the full message

    using QAbstractTableModel::QAbstractTableModel;
    void setResult(std::shared_ptr<const ImportResult> result);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    std::shared_ptr<const ImportResult> result_;
};

} // namespace nofade::ui
