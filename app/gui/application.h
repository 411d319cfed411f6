#pragma once
// The desktop application's start: command line, settings identity, main window.
namespace nofade::ui {

int runApplication(int argc, char** argv);

} // namespace nofade::ui
