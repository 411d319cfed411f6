#include "run_import/import_issue_model.h"

#include <QApplication>
#include <QFileInfo>
#include <QStyle>

namespace nofade::ui {

void ImportIssueModel::setResult(std::shared_ptr<const ImportResult> result)
{
    beginResetModel();
    result_ = std::move(result);
    endResetModel();
}

int ImportIssueModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() || !result_ ? 0 : int(result_->issues.size());
}

int ImportIssueModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : kColumns;
}

QVariant ImportIssueModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Column::Where: return tr("where");
    case Column::Severity: return tr("kind");
    case Column::Field: return tr("field");
    case Column::Reason: return tr("reason");
    }
    return {};
}

QVariant ImportIssueModel::data(const QModelIndex& index, int role) const
{
    if (!result_ || !index.isValid() || index.row() >= rowCount())
        return {};
    const ImportIssue& issue = result_->issues.at(std::size_t(index.row()));
    const bool error = issue.severity == ImportIssue::Severity::Error;
    switch (role) {
    case LineRole: return issue.line;
    case MessageRole:
    case Qt::ToolTipRole: return result_->message(issue);
    case Qt::DecorationRole:
        if (Column(index.column()) == Column::Severity)
            return QApplication::style()->standardIcon(error ? QStyle::SP_MessageBoxCritical : QStyle::SP_MessageBoxWarning);
        return {};
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case Column::Where: {
            const QString file = QFileInfo(result_->fileName).fileName();
            return issue.line > 0 ? tr("%1: line %2").arg(file).arg(issue.line) : tr("%1 (whole file)").arg(file);
        }
        case Column::Severity: return !error ? tr("warning") : issue.line > 0 ? tr("error: line left out") : tr("error");
        case Column::Field: return issue.field;
        case Column::Reason: return issue.reason;
        }
        return {};
    default: return {};
    }
}

} // namespace nofade::ui
