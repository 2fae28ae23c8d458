package org.wafersim.reliability;

import java.util.ArrayList;
import java.util.List;

/**
 * The wear-out mechanisms of a core (reference-data C.1–C.3) with their parameters; see {@link Mechanism} for the
 * models and {@link WearOutCalibration} for how the default reference MTTFs were set (an estimate).
 */
public record WearOutParameters(Mechanism.Electromigration electromigration, Mechanism.ArrheniusLife tddb,
                                Mechanism.ArrheniusLife nbti,
                                Mechanism.StressMigration stressMigration, Mechanism.ThermalCycling thermalCycling) {

    public static final WearOutParameters DEFAULT = new WearOutParameters(Mechanism.Electromigration.DEFAULT,
            Mechanism.ArrheniusLife.TDDB, Mechanism.ArrheniusLife.NBTI, Mechanism.StressMigration.DEFAULT,
            Mechanism.ThermalCycling.DEFAULT);

    public WearOutParameters {
        Check.notNull(electromigration, "wear_out.electromigration");
        Check.notNull(tddb, "wear_out.tddb");
        Check.notNull(nbti, "wear_out.nbti");
        // the two Arrhenius mechanisms share a record: each slot must hold its own mechanism
        if (!tddb.key().equals(Mechanism.ArrheniusLife.TDDB_KEY) || !nbti.key().equals(Mechanism.ArrheniusLife.NBTI_KEY)) {
            throw new IllegalArgumentException("tddb and nbti slots hold " + tddb.key() + " and " + nbti.key());
        }
        Check.notNull(stressMigration, "wear_out.stress_migration");
        Check.notNull(thermalCycling, "wear_out.thermal_cycling");
    }

    /** All five mechanisms in a fixed order (EM, TDDB, NBTI, SM, TC). */
    public List<Mechanism> all() {
        return List.of(electromigration, tddb, nbti, stressMigration, thermalCycling);
    }

    /** The enabled mechanisms, in the order of {@link #all}. */
    public List<Mechanism> enabled() {
        List<Mechanism> out = new ArrayList<>();
        for (Mechanism m : all()) if (m.enabled()) out.add(m);
        return List.copyOf(out);
    }

    /** These mechanisms with {@code m} in its own slot (named by its key). */
    public WearOutParameters with(Mechanism m) {
        if (m instanceof Mechanism.Electromigration e) return withElectromigration(e);
        if (m instanceof Mechanism.ArrheniusLife a) {
            return a.key().equals(Mechanism.ArrheniusLife.TDDB_KEY) ? withTddb(a) : withNbti(a);
        }
        if (m instanceof Mechanism.StressMigration sm) return withStressMigration(sm);
        return withThermalCycling((Mechanism.ThermalCycling) m);
    }

    public WearOutParameters withElectromigration(Mechanism.Electromigration m) {
        return new WearOutParameters(m, tddb, nbti, stressMigration, thermalCycling);
    }

    public WearOutParameters withTddb(Mechanism.ArrheniusLife m) {
        return new WearOutParameters(electromigration, m, nbti, stressMigration, thermalCycling);
    }

    public WearOutParameters withNbti(Mechanism.ArrheniusLife m) {
        return new WearOutParameters(electromigration, tddb, m, stressMigration, thermalCycling);
    }

    public WearOutParameters withStressMigration(Mechanism.StressMigration m) {
        return new WearOutParameters(electromigration, tddb, nbti, m, thermalCycling);
    }

    public WearOutParameters withThermalCycling(Mechanism.ThermalCycling m) {
        return new WearOutParameters(electromigration, tddb, nbti, stressMigration, m);
    }

    /**
     * Every reference life (MTTF_ref of the time-based mechanisms, N_ref of thermal cycling) multiplied by
     * {@code factor} — a what-if knob for a less (factor &lt; 1) or more robust technology.
     */
    public WearOutParameters scaledReferenceLives(double factor) {
        Check.positive(factor, "wear_out.reference_scale");
        return new WearOutParameters(electromigration.withReferenceMttf(electromigration.referenceMttf() * factor),
                tddb.withReferenceMttf(tddb.referenceMttf() * factor), nbti.withReferenceMttf(nbti.referenceMttf() * factor),
                stressMigration.withReferenceMttf(stressMigration.referenceMttf() * factor),
                thermalCycling.withReferenceCycles(thermalCycling.referenceCycles() * factor));
    }
}
