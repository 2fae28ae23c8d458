package org.wafersim.thermal;

import org.wafersim.cases.PowerSpec;
import org.wafersim.units.Units;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.wafersim.cases.CaseSpec;
import org.wafersim.cases.CaseSpec.Channels;
import org.wafersim.cases.CaseSpec.FlowDirection;
import org.wafersim.cases.CaseSpec.Jets;
import org.wafersim.errors.InputException;
import org.wafersim.materials.Material;
import org.wafersim.materials.Property;

/**
 * h and pressure drop of a cold plate described by its coolant passages ({@code cooling.coolant.channels} or
 * {@code .jets}) through {@link CoolantCorrelations}; coolant properties from the material library at the mean
 * coolant temperature T_m = T_in + P / (2 m_dot c_p) (P: the case's full-load power estimate: power.total, or
 * power.dynamic plus the reference leakage), refused outside the property tables.
 *
 * <p>Channels of width w, height H, wall thickness t and length L tile the plate footprint A: N = A / ((w + t) L)
 * channels in parallel (lateral: L is the plate length along the flow, one pass; vertical: manifold-fed segments of
 * length L), each carrying V/N. u = V / (N w H), D_h = 2 w H / (w + H), Re = rho u D_h / mu. The film coefficient
 * h = Nu k / D_h acts on the channel base and on both walls as fins (efficiency eta): per unit footprint
 * h_base = h (w + 2 eta H) / (w + t) (Incropera §3.6.5 for a fin array). Pressure drop
 * dp = (f L / D_h + K_in + K_out) rho u^2 / 2 with the sudden-contraction and sudden-expansion losses of channels fed
 * from and discharging into a plenum, K_in = 0.5 and K_out = 1.0 (White, <i>Fluid Mechanics</i>, §6.9) [E].
 *
 * <p>Jets of diameter D on a square pitch S at distance H: N = A / S^2, u_j = V / (N pi D^2 / 4), Re = rho u_j D / mu,
 * h = Nu k / D (Martin's mean over the array); the nozzle loss dp = rho u_j^2 / (2 C_d^2) with a discharge coefficient
 * C_d = 0.8 of short nozzles [E]. Pumping power = dp V.
 *
 * @param hFootprint    h per unit plate footprint (W/(m^2 K)) used as the coolant boundary condition
 * @param hFilm         film coefficient on the wetted surface (W/(m^2 K))
 * @param pressureDropPa pressure drop (Pa)
 * @param pumpingPowerW  dp x volume flow (W)
 * @param correlation   which correlations were used, e.g. "Shah & London laminar (thermal entrance), fins"
 * @param details       Reynolds, Prandtl and Nusselt numbers, velocity, regime, fin efficiency, mean temperature ...
 * @param notes         correlations used outside their stated ranges
 */
public record PlateHydraulics(double hFootprint, double hFilm, double pressureDropPa, double pumpingPowerW,
                              String correlation, Map<String, Object> details, List<String> notes) {
    static final double K_IN = 0.5, K_OUT = 1.0, NOZZLE_CD = 0.8;

    /** The plate of a case, or null when the case gives h directly. */
    public static PlateHydraulics of(CaseSpec spec) {
        var cool = spec.cooling().coolant();
        if (cool.geometry() == null) return null;
        Material fluid = spec.materials().get(cool.fluid());
        var top = spec.stack().get(0);
        double area = top.sizeX() * top.sizeY();
        double inlet = cool.inlet();
        double cpIn = property(spec, fluid, "specific_heat", inlet);
        double rhoIn = property(spec, fluid, "density", inlet);
        double mDot = cool.flow() * rhoIn;
        var ps = spec.power();
        double p = ps.fullLoad() + (ps.basis() == PowerSpec.PowerBasis.DYNAMIC ? ps.leakageAtRef() : 0);
        double tm = inlet + p / (2 * mDot * cpIn);
        double rho = property(spec, fluid, "density", tm), cp = property(spec, fluid, "specific_heat", tm);
        double mu = property(spec, fluid, "dynamic_viscosity", tm), k = property(spec, fluid, "conductivity", tm);
        double vdot = mDot / rho, pr = mu * cp / k;
        Map<String, Object> d = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        d.put("mean_coolant_temperature_degC", tm - Units.ZERO_CELSIUS_K);
        d.put("prandtl", pr);
        if (cool.geometry() instanceof Channels ch) {
            double len = Double.isNaN(ch.length())
                    ? (cool.direction() == FlowDirection.PLUS_X || cool.direction() == FlowDirection.MINUS_X
                    ? top.sizeX() : top.sizeY())
                    : ch.length();
            double pitch = ch.width() + ch.wall();
            double n = area / (pitch * len);
            double u = vdot / (n * ch.width() * ch.height());
            double dh = 2 * ch.width() * ch.height() / (ch.width() + ch.height());
            double a = Math.min(ch.width(), ch.height()) / Math.max(ch.width(), ch.height());
            double re = rho * u * dh / mu;
            double nu = CoolantCorrelations.nuChannel(a, re, pr, len / dh);
            double h = nu * k / dh;
            Material wall = spec.materials().get(top.material());
            double kw = wall.conductivityX(tm);
            double eta = CoolantCorrelations.finEfficiency(h, kw, ch.wall(), ch.height());
            double hBase = h * (ch.width() + 2 * eta * ch.height()) / pitch;
            double f = CoolantCorrelations.fChannel(a, re);
            double dp = (f * len / dh + K_IN + K_OUT) * rho * u * u / 2;
            String regime = CoolantCorrelations.regime(re);
            if (re > 5e6) notes.add(String.format("channel Reynolds number %.3g is above Gnielinski's range (5e6)", re));
            d.put("regime", regime);
            d.put("reynolds", re);
            d.put("nusselt", nu);
            d.put("velocity_m_per_s", u);
            d.put("hydraulic_diameter_m", dh);
            d.put("channels", n);
            d.put("channel_length_m", len);
            d.put("fin_efficiency", eta);
            d.put("friction_factor", f);
            String corr = switch (regime) {
                case "laminar" -> "Shah & London laminar, thermal entrance";
                case "turbulent" -> "Gnielinski / Petukhov turbulent";
                default -> "Gnielinski (1995) transition between Shah & London laminar and Gnielinski turbulent";
            };
            return new PlateHydraulics(hBase, h, dp, dp * vdot, corr + ", channel walls as fins", d, notes);
        }
        Jets j = (Jets) cool.geometry();
        double n = area / (j.pitch() * j.pitch());
        double uj = vdot / (n * Math.PI * j.diameter() * j.diameter() / 4);
        double re = rho * uj * j.diameter() / mu;
        double nu = CoolantCorrelations.nuMartinArray(re, pr, j.diameter(), j.pitch(), j.distance());
        double h = nu * k / j.diameter();
        double ar = CoolantCorrelations.jetArea(j.diameter(), j.pitch()), hd = j.distance() / j.diameter();
        if (re < 2000 || re > 1e5) notes.add(String.format("jet Reynolds number %.4g is outside Martin's 2000..1e5", re));
        if (hd < 2 || hd > 12) notes.add(String.format("jet distance H/D = %.3g is outside Martin's 2..12", hd));
        if (ar < 0.004 || ar > 0.04) notes.add(String.format("jet area ratio %.3g is outside Martin's 0.004..0.04", ar));
        double dp = rho * uj * uj / (2 * NOZZLE_CD * NOZZLE_CD);
        d.put("regime", "impinging jets");
        d.put("reynolds", re);
        d.put("nusselt", nu);
        d.put("velocity_m_per_s", uj);
        d.put("jets", n);
        d.put("area_ratio", ar);
        return new PlateHydraulics(h, h, dp, dp * vdot, "Martin (1977) array of round impinging jets", d, notes);
    }

    /** A coolant property at T, refused (exit 2) when the fluid lacks it or T is outside its table. */
    static double property(CaseSpec spec, Material fluid, String key, double tK) {
        Property p = fluid.property(key).orElseThrow(() -> new InputException(spec.source(), "cooling.coolant.fluid",
                fluid.name() + " has no " + key + ", which the plate correlations need (define it under materials)"));
        if (tK < p.minTemperature() - 1e-9 || tK > p.maxTemperature() + 1e-9) {
            throw new InputException(spec.source(), "cooling.coolant.fluid", String.format(java.util.Locale.ROOT,
                    "%s %s is tabulated for %.1f..%.1f degC; the coolant is at %.1f degC (inlet, or the mean coolant"
                            + " temperature inlet + P/(2 m_dot c_p)): outside the table", fluid.name(), key,
                    p.minTemperature() - Units.ZERO_CELSIUS_K, p.maxTemperature() - Units.ZERO_CELSIUS_K, tK - Units.ZERO_CELSIUS_K));
        }
        return p.at(tK);
    }
}
