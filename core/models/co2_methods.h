#pragma once
// Training energy and CO2 (METHODS.md section 5). Pure functions, no I/O.
#include <optional>
#include <QString>

namespace nofade {

enum class Co2Method {
    HardwareEnergy, // device-hours x TDP x PUE (ML CO2 Impact, Green Algorithms, CodeCarbon)
    PaperEq1,       // the seed paper's Equation 1, as published
};
QString co2MethodName(Co2Method method);  // "hardware-energy" | "paper-eq1"
QString co2MethodLabel(Co2Method method); // what the UI and reports show
std::optional<Co2Method> co2MethodFromName(const QString& name);

// The paper's factor: EPA AVERT U.S. marginal rate, 0.707 kg CO2 per kWh (7.07e-4 t/kWh).
inline constexpr double kPaperCarbonIntensity = 0.707;

// f_FLOPs from a count in MACs or FLOPs: 2 x MACs when a MAC counts as 2 FLOPs (the default).
double flopsFromCompute(double count, bool countIsMacs, bool macAsTwoFlops);

// hardware-energy: E_kWh = device_hours x TDP_W x PUE / 1000.
double hardwareEnergyKwh(double deviceHours, double tdpWatts, double pue);

// CO2_kg = E_kWh x carbon intensity (kg CO2 per kWh).
double co2Kg(double energyKwh, double kgPerKwh);

// paper-eq1, as published: omega = TDP / peak FLOP/s (W per FLOP/s, peak FP32);
// P_m = f x (omega_g + omega_c) x GPU_hours, "in Wh" in the paper (the product is not
// dimensionally an energy: W.s x h per image); CO2[t] = P_m / 1000 x 7.07e-4.
struct PaperEq1 {
    double omegaGpu = 0.0;   // W / (FLOP/s)
    double omegaCpu = 0.0;   // W / (FLOP/s)
    double pmWh = 0.0;       // the published P_m, labelled Wh
    double pmKwh = 0.0;      // P_m / 1000, the quantity multiplied by the t/kWh factor
    double co2Tonnes = 0.0;  // P_m / 1000 x intensity (t/kWh)
    double co2Kg = 0.0;
};
PaperEq1 paperEq1(double flopsPerImage, double gpuTdpWatts, double gpuPeakFlops, double cpuTdpWatts,
                  double cpuPeakFlops, double gpuHours, double kgPerKwh);

// Training-time estimate (Epoch AI's GPU-time identity, run backwards):
// training_FLOPs = 3 x f x images_per_epoch x epochs; hours = training_FLOPs / (peak x utilisation) / 3600.
double trainingFlops(double flopsPerImage, double imagesPerEpoch, double epochs);
double estimatedDeviceHours(double trainingFlops, double peakFlopsPerSecond, double utilisation);

} // namespace nofade
