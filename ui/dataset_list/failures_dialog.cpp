#include "dataset_list/failures_dialog.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace nofade::ui {

QString FailuresDialog::failuresText(const std::vector<FailedItem>& failed)
{
    QString text;
    for (const FailedItem& f : failed) {
        text += f.path;
        if (f.items > 1)
            text += QStringLiteral(" (%1 images)").arg(f.items);
        text += QStringLiteral(": ") + f.reason + QLatin1Char('\n');
    }
    return text;
}

FailuresDialog::FailuresDialog(const QString& datasetName, const QString& root, const std::vector<FailedItem>& failed,
                               QWidget* parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Failed files — %1").arg(datasetName));
    setObjectName(QStringLiteral("failuresDialog"));
    std::int64_t items = 0;
    for (const FailedItem& f : failed)
        items += f.items;
    auto* heading = new QLabel(tr("%n image(s) of %1 could not be used and were left out of the profile. "
                                  "Paths are relative to the dataset folder.", nullptr, int(items)).arg(root));
    heading->setWordWrap(true);
    text_ = new QPlainTextEdit(failuresText(failed));
    text_->setReadOnly(true);
    text_->setLineWrapMode(QPlainTextEdit::WidgetWidth); // long reasons stay readable without scrolling sideways
    text_->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    auto* copy = buttons->addButton(tr("&Copy all"), QDialogButtonBox::ActionRole);
    connect(copy, &QPushButton::clicked, this, [this] { QApplication::clipboard()->setText(text_->toPlainText()); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(heading);
    layout->addWidget(text_);
    layout->addWidget(buttons);
    resize(760, 420);
}

QString FailuresDialog::text() const { return text_->toPlainText(); }

} // namespace nofade::ui
