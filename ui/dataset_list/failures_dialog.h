#pragma once
// The files of a scan that could not be used, each with its reason, as copyable text.
#include <QDialog>

#include "profile/profile.h"

class QPlainTextEdit;

namespace nofade::ui {

class FailuresDialog : public QDialog {
    Q_OBJECT
public:
    FailuresDialog(const QString& datasetName, const QString& root, const std::vector<FailedItem>& failed,
                   QWidget* parent = nullptr);

    static QString failuresText(const std::vector<FailedItem>& failed);
    QString text() const;

private:
    QPlainTextEdit* text_;
};

} // namespace nofade::ui
