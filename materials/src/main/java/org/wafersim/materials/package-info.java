/**
 * Materials: {@link org.wafersim.materials.Property} (a value as a law of absolute temperature, with unit and
 * source), {@link org.wafersim.materials.Material} (thermal properties per direction, transversely isotropic
 * thermo-elastic constants, fatigue constants) and {@link org.wafersim.materials.MaterialLibrary} (the built-in
 * library with cited values from reference-data.md section B, plus user materials from the case file).
 */
package org.wafersim.materials;
