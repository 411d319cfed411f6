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
#include <QLabel>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QStandardPaths>

#include "export/export_source.h"

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
    preset_ = new QComboBox;
    preset_->setObjectName(QStringLiteral("figurePreset"));
    preset_->addItem(tr("Custom"));
    for (const Preset& p : presets())
        preset_->addItem(tr("%1 (%2 × %3 in)").arg(p.name).arg(p.widthIn).arg(p.heightIn));
    auto matchPreset = [this] {
        const QList<Preset> all = presets();
        int index = 0;
        for (int i = 0; i < all.size(); ++i)
            if (qAbs(all[i].widthIn - width_->value()) < 0.005 && qAbs(all[i].heightIn - height_->value()) < 0.005)
                index = i + 1;
        const QSignalBlocker block(preset_);
        preset_->setCurrentIndex(index);
    };
    matchPreset();
    connect(width_, &QDoubleSpinBox::valueChanged, this, matchPreset);
    connect(height_, &QDoubleSpinBox::valueChanged, this, matchPreset);
    connect(preset_, &QComboBox::currentIndexChanged, this, [this](int i) {
        if (i < 1 || i > presets().size())
            return;
        width_->setValue(presets()[i - 1].widthIn);
        height_->setValue(presets()[i - 1].heightIn);
    });
    dpi_ = new QSpinBox;
    dpi_->setRange(30, 2400);
    dpi_->setSuffix(tr(" dpi"));
    dpi_->setValue(s.value(QStringLiteral("figures/dpi"), 300).toInt());
    dpi_->setToolTip(tr("PNG only: SVG and PDF are vector files"));
    style_ = new QComboBox;
    style_->addItem(tr("Screen (as shown)"), QStringLiteral("screen"));
    style_->addItem(tr("Publication (white, serif, sizes in points)"), QStringLiteral("publication"));
    // The style last exported in, else the one the chart shows.
    style_->setCurrentIndex(std::max(0, style_->findData(s.value(QStringLiteral("figures/style"), current.name).toString())));
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
    // A row whose field is a layout gets no buddy from QFormLayout: the label names one itself.
    auto* pathLabel = new QLabel(mode == Mode::File ? tr("&File:") : tr("&Folder:"));
    pathLabel->setBuddy(path_);
    form->addRow(pathLabel, pathRow);
    form->addRow(tr("&Preset:"), preset_);
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
        setPath(QDir(defaultFolder()).filePath(QStringLiteral("nofade-figures")));
}

QList<FigureExportDialog::Preset> FigureExportDialog::presets()
{
    // Column widths of two-column journals (IEEE: 3.5 in and 7.16 in); a 16:9 slide at
    // PowerPoint's widescreen size (13.333 × 7.5 in).
    return {{tr("Single column"), 3.5, 2.6}, {tr("Double column"), 7.16, 4.0}, {tr("Slide 16:9"), 13.333, 7.5}};
}

QString FigureExportDialog::defaultFolder()
{
    // Not the folder datasets were opened from: figures do not belong inside a dataset.
    const QString last = QSettings().value(QStringLiteral("figures/folder")).toString();
    if (!last.isEmpty() && QFileInfo(last).isDir())
        return last;
    const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    return documents.isEmpty() ? QDir::homePath() : documents;
}

void FigureExportDialog::setPath(const QString& path)
{
    if (mode_ == Mode::File && !path.contains(QLatin1Char('/')) && QFileInfo(path).suffix().isEmpty()) {
        const QString ext = QSettings().value(QStringLiteral("figures/extension"), QStringLiteral("png")).toString();
        path_->setText(QDir(defaultFolder()).filePath(path + QLatin1Char('.') + ext));
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
    s.setValue(QStringLiteral("figures/style"), style_->currentData().toString());
    // The folder is remembered only when it exists (a new figures folder: its parent).
    const QFileInfo info(p);
    s.setValue(QStringLiteral("figures/folder"), mode_ == Mode::File ? info.absolutePath() : info.absoluteDir().absolutePath());
    QDialog::accept();
}

bool showFigureExportDialog(ExportSource* source, const FigureStyle& current, QWidget* parent)
{
    FigureExportDialog dialog(FigureExportDialog::Mode::File, current, parent);
    dialog.setPath(source->exportBaseName());
    if (dialog.exec() != QDialog::Accepted)
        return false;
    QString error;
    if (!source->exportFigure(dialog.path(), dialog.size(), dialog.style(), &error)) {
        QMessageBox::warning(parent, FigureExportDialog::tr("Export failed"), error);
        return false;
    }
    return true;
}

} // namespace nofade::ui
