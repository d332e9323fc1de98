import { describe, expect, it } from "vitest";
import {
  annualEmissionT,
  co2Kg,
  defaultEnergyParameters,
  emissionRateKgPerH,
  exhaustDryAirKgPerH,
  exhaustHeatLossKW,
  fabricThroughputKgPerH,
  humidityRatioFromRh,
  humidityRatioFromVolumeFraction,
  jcmEmissionReduction,
  moistAirEnthalpy,
  ppmToMgPerNm3,
  removalEfficiency,
  saturationPressureKPa,
  summariseStack,
  thermalEnergy,
  waterEvaporatedKgPerH,
} from "../../../src/models/energy";

describe("stenter physics", () => {
  it("throughput kg/h = speed·60·width·GSM/1000", () => {
    // 50 m/min · 60 min/h · 1.8 m · 200 g/m2 / 1000 g/kg = 1080 kg/h
    expect(fabricThroughputKgPerH(50, 1.8, 200)).toBeCloseTo(1080, 10);
  });
  it("water evaporated on the dry and wet basis", () => {
    // 1080 kg/h · (0.60 − 0.05) = 594 kg/h; wet basis 0.375 → 0.375/0.625 = 0.6, 0.05/1.05 → 0.05
    expect(waterEvaporatedKgPerH(1080, 0.6, 0.05)).toBeCloseTo(594, 10);
    expect(waterEvaporatedKgPerH(1080, 0.375, 0.05 / 1.05, "wet")).toBeCloseTo(594, 10);
  });
  it("saturation pressure matches steam tables", () => {
    // IAPWS-IF97: 20 °C 2.3392 kPa, 60 °C 19.946 kPa, 100 °C 101.42 kPa
    expect(saturationPressureKPa(20) / 2.3392).toBeCloseTo(1, 3);
    expect(saturationPressureKPa(60) / 19.946).toBeCloseTo(1, 3);
    expect(saturationPressureKPa(100) / 101.42).toBeCloseTo(1, 3);
  });
  it("humidity ratio and enthalpy by hand", () => {
    // 20 °C, 50 % RH: p_w = 0.5·2.3392 = 1.1696 kPa; W = 0.621945·1.1696/(101.325 − 1.1696) = 0.007263
    expect(humidityRatioFromRh(20, 0.5)).toBeCloseTo(0.007263, 5);
    // y = 0.1 vol: W = 0.621945·0.1/0.9 = 0.069105
    expect(humidityRatioFromVolumeFraction(0.1)).toBeCloseTo(0.069105, 6);
    // h = 1.006·20 + 0.0073·(2501 + 1.86·20) = 20.12 + 0.0073·2538.2 = 20.12 + 18.52886 = 38.64886
    expect(moistAirEnthalpy(20, 0.0073)).toBeCloseTo(38.64886, 8);
  });
  it("exhaust air flow from the water balance and the exhaust heat loss", () => {
    // 594 kg/h water / (0.09 − 0.01) = 7425 kg/h dry air
    const m = exhaustDryAirKgPerH(594, 0.09, 0.01);
    expect(m).toBeCloseTo(7425, 10);
    // h_exh = 1.006·130 + 0.09·(2501 + 241.8) = 377.632; h_fresh = 25.15 + 0.01·(2501 + 46.5) = 50.625
    // Q = 7425·(377.632 − 50.625)/3600 = 674.4519 kW; sensible = 7425·1.006·105/3600 = 217.8619 kW
    const q = exhaustHeatLossKW(m, 130, 0.09, 25, 0.01);
    expect(q.totalKW).toBeCloseTo((7425 * (377.632 - 50.625)) / 3600, 8);
    expect(q.sensibleAirKW).toBeCloseTo((7425 * 1.006 * 105) / 3600, 8);
    expect(() => exhaustDryAirKgPerH(594, 0.01, 0.01)).toThrow(RangeError);
  });
});

describe("energy conversion and CO2", () => {
  const p = defaultEnergyParameters();
  it("thermal energy of each meter", () => {
    expect(thermalEnergy("gas", { gas: 100 }, 1, p).thermalMJ).toBeCloseTo(3893.1, 8); // 100 Nm3 · 38.931 MJ/Nm3
    const st = thermalEnergy("steam", { steam: 1000 }, 1, p); // 1000 kg · 2.684 MJ/kg; fuel /0.85
    expect(st.thermalMJ).toBeCloseTo(2684, 8);
    expect(st.thermalFuelMJ).toBeCloseTo(2684 / 0.85, 8);
    expect(st.thermalFuel).toBe("coal");
    // thermal oil: 10000 kg/h · 0.5 h · 2.3 kJ/(kg·K) · (280 − 260) K / 1000 = 230 MJ
    expect(
      thermalEnergy("oilFlow", { oilFlow: 10000, oilSupplyTemp: 280, oilReturnTemp: 260 }, 0.5, p).thermalMJ,
    ).toBeCloseTo(230, 8);
    expect(thermalEnergy("coal", { coal: 10 }, 1, p).thermalMJ).toBeCloseTo(258, 8); // 10 kg · 25.8 MJ/kg
  });
  it("CO2 = energy × emission factor", () => {
    // 1000 kWh · 0.5617 + 50000 MJ · 1e-6 TJ/MJ · 56100 kg/TJ = 561.7 + 2805 = 3366.7 kg
    expect(co2Kg({ electricityKwh: 1000, thermalFuelMJ: 50000, thermalFuel: "gas" }, p)).toBeCloseTo(3366.7, 8);
    // national grid 0.5366, coal 94600: 1000·0.5366 + 0.05·94600 = 536.6 + 4730
    const pn = defaultEnergyParameters({ gridFactor: 0.5366 });
    expect(co2Kg({ electricityKwh: 1000, thermalFuelMJ: 50000, thermalFuel: "coal" }, pn)).toBeCloseTo(5266.6, 8);
  });
  it("JCM ER = RE − PE", () => {
    // RE = 10000 kg · (0.2 kWh/kg · 0.5617 + 5 MJ/kg · 1e-6 · 56100) = 1123.4 + 2805 = 3928.4
    // PE = 1500 · 0.5617 + 38000e-6 · 56100 = 842.55 + 2131.8 = 2974.35; ER = 954.05
    const r = jcmEmissionReduction(
      { electricityKwh: 0.2, thermalFuelMJ: 5, thermalFuel: "gas" },
      10000,
      { electricityKwh: 1500, thermalFuelMJ: 38000, thermalFuel: "gas" },
      p,
    );
    expect(r.reKg).toBeCloseTo(3928.4, 8);
    expect(r.peKg).toBeCloseTo(2974.35, 8);
    expect(r.erKg).toBeCloseTo(954.05, 8);
  });
  it("parameters are checked", () => {
    expect(() => defaultEnergyParameters({ boilerEfficiency: 1.2 })).toThrow(RangeError);
    expect(() => defaultEnergyParameters({ gridFactor: -1 })).toThrow(RangeError);
  });
});

describe("exhaust treatment", () => {
  it("removal efficiency on mass rates, not concentrations", () => {
    // (60·18000 − 8·18500)/(60·18000) = (1080000 − 148000)/1080000 = 0.862963
    expect(removalEfficiency(60, 18000, 8, 18500)).toBeCloseTo(932000 / 1080000, 12);
    // concentration-only would give 1 − 8/60 = 0.8667: dilution must not count as removal
    expect(removalEfficiency(60, 18000, 8, 18500)).not.toBeCloseTo(1 - 8 / 60, 3);
  });
  it("emission rate, annual emission, ppm → mg/Nm3", () => {
    expect(emissionRateKgPerH(60, 18000)).toBeCloseTo(1.08, 12); // 60 mg/Nm3 · 18000 Nm3/h · 1e-6
    expect(annualEmissionT(1.08, 7200)).toBeCloseTo(7.776, 12); // 1.08 kg/h · 7200 h / 1000
    expect(ppmToMgPerNm3(100, 92.14)).toBeCloseTo((100 * 92.14) / 22.414, 10); // toluene, 0 °C: 411.08 mg/Nm3
  });
  it("summarises and checks a user limit", () => {
    const ms = [
      {
        row: 2,
        time: 0,
        unit: "ETU",
        pollutant: "VOC",
        inletConc: 60,
        outletConc: 8,
        inletFlow: 18000,
        outletFlow: 18500,
      },
      {
        row: 3,
        time: 0,
        unit: "ETU",
        pollutant: "VOC",
        inletConc: 40,
        outletConc: 12,
        inletFlow: 20000,
        outletFlow: 20000,
      },
    ];
    const s = summariseStack(ms, { VOC: { concentration: 10 } });
    // η = 1 − (148000 + 240000)/(1080000 + 800000) = 1 − 388000/1880000
    expect(s[0].efficiency).toBeCloseTo(1 - 388000 / 1880000, 12);
    expect(s[0].exceedances).toBe(1);
    expect(s[0].compliant).toBe(false);
  });
});
