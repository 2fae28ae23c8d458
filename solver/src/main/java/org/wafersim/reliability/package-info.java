/**
 * The reliability estimator (DESIGN §1, §4 "Reliability", §7 {@code /reliability}): connector fatigue, core wear-out,
 * die redundancy with spare cores, manufacturing yield and the wafer's lifetime, evaluated on the same
 * {@link org.wafersim.geometry.CoreArray} as the thermal solver.
 *
 * <h2>Units</h2>
 * SI throughout: temperatures and temperature ranges in K, times in s, areas in m², defect densities per m²,
 * activation energies in eV (the unit every source quotes them in; {@link org.wafersim.reliability.Arrhenius#BOLTZMANN_EV}
 * converts). Cycle frequencies are the one exception, in cycles per day, because Engelmaier's exponent is defined
 * in that unit; {@link org.wafersim.reliability.Durations} holds the conversions. Fields over the connector are
 * {@code [y][x]} arrays as in the HDF5 layout; per-core values are arrays indexed by the CoreArray's core index.
 *
 * <h2>Pieces</h2>
 * <ul>
 * <li>cycle counting: {@link org.wafersim.reliability.Rainflow} (ASTM E1049-85 §5.4.4) and
 *     {@link org.wafersim.reliability.Miner};</li>
 * <li>connector fatigue by technology behind one interface, {@link org.wafersim.reliability.FatigueModel}
 *     (contact strain from the displacement across the layer, cycles to failure of a strain range):
 *     {@link org.wafersim.reliability.SolderJoint} (Engelmaier), {@link org.wafersim.reliability.SpringContact}
 *     (beam bending + {@link org.wafersim.reliability.StrainLife} of a {@link org.wafersim.reliability.ContactAlloy}),
 *     {@link org.wafersim.reliability.ShearJoint} and {@link org.wafersim.reliability.SnCurve} for user curves;
 *     {@link org.wafersim.reliability.Engelmaier}, {@link org.wafersim.reliability.CoffinManson},
 *     {@link org.wafersim.reliability.NorrisLandzberg}, per-point maps in
 *     {@link org.wafersim.reliability.ConnectorFatigue}, the Weibull population of the connector points in
 *     {@link org.wafersim.reliability.ConnectorPopulation};</li>
 * <li>core wear-out: {@link org.wafersim.reliability.Mechanism} (EM, TDDB, NBTI, SM, TC),
 *     {@link org.wafersim.reliability.WearOutModel} → {@link org.wafersim.reliability.CoreLifetimes} (RAMP sum of
 *     rates and per-mechanism lifetime distributions), {@link org.wafersim.reliability.Arrhenius};</li>
 * <li>redundancy: {@link org.wafersim.reliability.PoissonBinomial}, {@link org.wafersim.reliability.KOutOfN},
 *     {@link org.wafersim.reliability.DieRedundancy} → {@link org.wafersim.reliability.ReliabilityCurve},
 *     {@link org.wafersim.reliability.LifeIntegral} (MTTF);</li>
 * <li>manufacturing yield: {@link org.wafersim.reliability.DefectYield};</li>
 * <li>verification: {@link org.wafersim.reliability.MonteCarloCheck};</li>
 * <li>everything in one call for a run: {@link org.wafersim.reliability.ReliabilityEstimator};</li>
 * <li>parameters and their validation: {@link org.wafersim.reliability.ReliabilityParameters}.</li>
 * </ul>
 *
 * <h2>Two modules</h2>
 * The laws and parameter records that need no grid (the mechanisms, lifetime distributions and their calibration,
 * the fatigue models and constants, the duty cycle, {@code ReliabilityParameters}) live in the {@code materials}
 * module, in this same package, beside the material data their constants come from: the case reader (meshgen)
 * builds them directly from a case's keys, and they validate their own arguments by parameter name. The estimator on
 * the core array (wear-out per core, redundancy, yield, connector populations, rainflow on histories) lives here.
 */
package org.wafersim.reliability;
