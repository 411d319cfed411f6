#pragma once
// Per-dataset complexity for NoFADE: one row per dataset of the model table with its measure
// (C_JS, C_H or another measure of the profile, switchable), what a scanned profile of the same
// name gives, a typed-in value with a note of where it comes from, and the value NoFADE uses (or
// why there is none).
#include <QWidget>

class QLabel;
class QTableWidget;

namespace nofade::ui {

class ModelStore;

class ComplexityEditorWidget : public QWidget {
    Q_OBJECT
public:
    enum Column { Dataset, Measure, Profile, Typed, Note, Used, ColumnCount };

    explicit ComplexityEditorWidget(ModelStore* workspace, QWidget* parent = nullptr);
    QTableWidget* table() const { return table_; }

    // As if typed into the Typed (empty text: none) and Note cells of `dataset`'s row.
    void setTyped(const QString& dataset, const QString& value, const QString& note);

private:
    void rebuild();
    void refresh();
    void commit(int row);

    ModelStore* workspace_;
    QTableWidget* table_;
    QLabel* hint_;
    QStringList keys_;  // datasetKey of each row
    bool updating_ = false;
};

} // namespace nofade::ui
