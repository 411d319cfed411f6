#pragma once
// Asks how to export a figure (a file: PNG, SVG or PDF by extension) or all figures (a folder):
// the size in inches, the PNG resolution in DPI, the style (screen or publication) and, for the
// publication style, the font family and base size in points. Remembers the last choices.
#include <QDialog>

#include "export/figure_renderer.h"
#include "export/figure_style.h"

class QComboBox;
class QDoubleSpinBox;
class QFontComboBox;
class QLineEdit;
class QSpinBox;

namespace nofade::ui {

class FigureExportDialog : public QDialog {
    Q_OBJECT
public:
    enum class Mode { File, Folder };
    FigureExportDialog(Mode mode, const FigureStyle& current, QWidget* parent = nullptr);

    // A base name (no folder, no extension) is placed in the last folder with the last extension.
    void setPath(const QString& path);
    QString path() const;
    FigureSize size() const;
    FigureStyle style() const;

    void accept() override;

private:
    Mode mode_;
    QLineEdit* path_;
    QDoubleSpinBox* width_;
    QDoubleSpinBox* height_;
    QSpinBox* dpi_;
    QComboBox* style_;
    QFontComboBox* font_;
    QDoubleSpinBox* basePt_;
};

} // namespace nofade::ui
