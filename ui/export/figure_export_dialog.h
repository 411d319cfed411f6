#pragma once
// Asks how to export a figure (a file: PNG, SVG or PDF by extension) or all figures (a folder):
// the size in inches (or a preset: single column, double column, slide), the PNG resolution in
// DPI, the style (screen or publication) and, for the publication style, the font family and base
// size in points. Remembers the last choices and the folder (first: the user's documents).
#include <QDialog>

#include "export/figure_renderer.h"
#include "export/figure_style.h"

class QComboBox;
class QLabel;
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

    struct Preset {
        QString name;
        double widthIn;
        double heightIn;
    };
    static QList<Preset> presets();
    // The folder the dialog starts in: the last folder exported to, else the user's documents.
    static QString defaultFolder();

private:
    Mode mode_;
    QLineEdit* path_;
    QDoubleSpinBox* width_;
    QDoubleSpinBox* height_;
    QSpinBox* dpi_;
    QComboBox* style_;
    QComboBox* preset_;
    QFontComboBox* font_;
    QDoubleSpinBox* basePt_;
};

class ExportSource;
// Ctrl+E on a tab that exports as a figure: the dialog, then the export. False when cancelled or
// failed (a message box says why).
bool showFigureExportDialog(ExportSource* source, const FigureStyle& current, QWidget* parent);

} // namespace nofade::ui
