#include "export/figure_export_dialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>

#include "shell/app_settings.h"

namespace nofade::ui {

FigureExportDialog::FigureExportDialog(Mode mode, const FigureStyle& current, QWidget* parent)
    : QDialog(parent), mode_(mode)
{
    setObjectName(QStringLiteral("figureExportDialog"));
    setWindowTitle(mode == Mode::File ? tr("Export figure") : tr("Export all figures"));
    QSettings s;
    path_ = new QLineEdit;
    auto* browse = new QPushButton(tr("&Browse…"));
    auto* pathRow = new QHBoxLayout;
    pathRow->addWidget(path_, 1);
    pathRow->addWidget(browse);
    width_ = new QDoubleSpinBox;
    height_ = new QDoubleSpinBox;
    for (QDoubleSpinBox* b : {width_, height_}) {
        b->setRange(0.5, 40.0);
        b->setDecimals(2);
        b->setSingleStep(0.25);
        b->setSuffix(tr(" in"));
    }
    width_->setValue(s.value(QStringLiteral("figures/widthIn"), 6.0).toDouble());
    height_->setValue(s.value(QStringLiteral("figures/heightIn"), 4.0).toDouble());
    dpi_ = new QSpinBox;
    dpi_->setRange(30, 2400);
    dpi_->setSuffix(tr(" dpi"));
    dpi_->setValue(s.value(QStringLiteral("figures/dpi"), 300).toInt());
    dpi_->setToolTip(tr("PNG only: SVG and PDF are vector files"));
    style_ = new QComboBox;
    style_->addItem(tr("Screen (as shown)"), QStringLiteral("screen"));
    style_->addItem(tr("Publication (white, serif, sizes in points)"), QStringLiteral("publication"));
    style_->setCurrentIndex(style_->findData(current.name));
    font_ = new QFontComboBox;
    font_->setCurrentFont(QFont(s.value(QStringLiteral("figures/font"), QStringLiteral("DejaVu Serif")).toString()));
    basePt_ = new QDoubleSpinBox;
    basePt_->setRange(5.0, 24.0);
    basePt_->setDecimals(1);
    basePt_->setSuffix(tr(" pt"));
    basePt_->setValue(s.value(QStringLiteral("figures/basePt"), 8.0).toDouble());
    auto syncFont = [this] {
        const bool pub = style_->currentData().toString() == QLatin1String("publication");
        font_->setEnabled(pub);
        basePt_->setEnabled(pub);
    };
    syncFont();
    connect(style_, &QComboBox::currentIndexChanged, this, syncFont);

    auto* form = new QFormLayout;
    form->addRow(mode == Mode::File ? tr("&File:") : tr("&Folder:"), pathRow);
    form->addRow(tr("&Width:"), width_);
    form->addRow(tr("&Height:"), height_);
    form->addRow(tr("&Resolution:"), dpi_);
    form->addRow(tr("&Style:"), style_);
    form->addRow(tr("Fo&nt:"), font_);
    form->addRow(tr("Font si&ze:"), basePt_);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("E&xport"));
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString chosen = mode_ == Mode::File
                                   ? QFileDialog::getSaveFileName(this, windowTitle(), path(),
                                                                  QStringLiteral("PNG image (*.png);;SVG vector image (*.svg);;PDF document (*.pdf)"))
                                   : QFileDialog::getExistingDirectory(this, windowTitle(), path());
        if (!chosen.isEmpty())
            path_->setText(chosen);
    });
    if (mode == Mode::Folder)
        setPath(QDir(AppSettings::lastDirectory()).filePath(QStringLiteral("nofade-figures")));
}

void FigureExportDialog::setPath(const QString& path)
{
    if (mode_ == Mode::File && !path.contains(QLatin1Char('/')) && QFileInfo(path).suffix().isEmpty()) {
        const QString ext = QSettings().value(QStringLiteral("figures/extension"), QStringLiteral("png")).toString();
        path_->setText(QDir(AppSettings::lastDirectory()).filePath(path + QLatin1Char('.') + ext));
        return;
    }
    path_->setText(path);
}

QString FigureExportDialog::path() const { return path_->text().trimmed(); }

FigureSize FigureExportDialog::size() const { return FigureSize{width_->value(), height_->value(), dpi_->value()}; }

FigureStyle FigureExportDialog::style() const
{
    if (style_->currentData().toString() == QLatin1String("publication"))
        return FigureStyle::publication(font_->currentFont().family(), basePt_->value());
    return FigureStyle::screen();
}

void FigureExportDialog::accept()
{
    const QString p = path();
    const QString ext = QFileInfo(p).suffix().toLower();
    if (p.isEmpty() || (mode_ == Mode::File && !QStringList{QStringLiteral("png"), QStringLiteral("svg"), QStringLiteral("pdf")}.contains(ext))) {
        QMessageBox::warning(this, windowTitle(),
                             mode_ == Mode::File ? tr("Choose a file ending in .png, .svg or .pdf.") : tr("Choose a folder."));
        return;
    }
    QSettings s;
    s.setValue(QStringLiteral("figures/widthIn"), width_->value());
    s.setValue(QStringLiteral("figures/heightIn"), height_->value());
    s.setValue(QStringLiteral("figures/dpi"), dpi_->value());
    s.setValue(QStringLiteral("figures/font"), font_->currentFont().family());
    s.setValue(QStringLiteral("figures/basePt"), basePt_->value());
    if (mode_ == Mode::File)
        s.setValue(QStringLiteral("figures/extension"), ext);
    AppSettings::setLastDirectory(mode_ == Mode::File ? QFileInfo(p).absolutePath() : QFileInfo(p).absoluteFilePath());
    QDialog::accept();
}

} // namespace nofade::ui
