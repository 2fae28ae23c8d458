package org.wafersim.mechanics;

import org.wafersim.cases.CaseSpec.LayerTreatment;

/**
 * One layer of the mechanical stack, as the plate model sees it. z is measured upward from the bottom of the
 * stack (the thermal grid's frame); x, y are the wafer frame (origin at the wafer corner); the footprint is
 * [x0, x1] x [y0, y1]. Elastic constants are SI (Pa); those a kind does not use may be NaN.
 *
 * @param kind          PLATE: a Kirchhoff plate layer, laminated with the plate layers it touches;
 *                      BONDED: a compliant interlayer bonded on both faces (shear G_xz/h, normal E_z/h);
 *                      SLIDING: an interlayer that carries normal pressure only (no shear)
 * @param youngs        in-plane Young's modulus E (PLATE)
 * @param poisson       in-plane Poisson ratio nu (PLATE), in (-1, 0.5)
 * @param shearThrough  transverse shear modulus G_xz (BONDED)
 * @param youngsThrough through-thickness modulus E_z (BONDED, SLIDING; NaN for a SLIDING layer without one: then
 *                      the contact is taken as stiff as the stiffer neighbouring plate, see {@link PlateModel})
 */
public record StackLayer(String name, LayerTreatment kind, double zBottom, double zTop, double x0, double x1, double y0,
                         double y1, double youngs, double poisson, double shearThrough, double youngsThrough) {

    /** How a layer takes part: laminated plate, bonded compliant interlayer, or sliding contact. */

    public StackLayer {
        if (!(zTop > zBottom)) throw new IllegalArgumentException("layer " + name + ": zTop must exceed zBottom");
        if (!(x1 > x0) || !(y1 > y0)) throw new IllegalArgumentException("layer " + name + ": empty footprint");
        if (kind == LayerTreatment.PLATE && !(youngs > 0 && poisson > -1 && poisson < 0.5))
            throw new IllegalArgumentException("layer " + name + ": plate needs E > 0 and -1 < nu < 0.5");
        if (kind == LayerTreatment.BONDED && !(shearThrough > 0 && youngsThrough > 0))
            throw new IllegalArgumentException("layer " + name + ": bonded interlayer needs G_xz > 0 and E_z > 0");
    }

    public double thickness() { return zTop - zBottom; }

    public double zMid() { return 0.5 * (zBottom + zTop); }

    public boolean covers(double x, double y) { return x > x0 && x < x1 && y > y0 && y < y1; }

    /** A plate layer of isotropic in-plane stiffness. */
    public static StackLayer plate(String name, double zBottom, double zTop, double x0, double x1, double y0, double y1,
                                   double e, double nu) {
        return new StackLayer(name, LayerTreatment.PLATE, zBottom, zTop, x0, x1, y0, y1, e, nu, Double.NaN, Double.NaN);
    }

    /** A bonded compliant interlayer. */
    public static StackLayer bonded(String name, double zBottom, double zTop, double x0, double x1, double y0,
                                    double y1, double gxz, double ez) {
        return new StackLayer(name, LayerTreatment.BONDED, zBottom, zTop, x0, x1, y0, y1, Double.NaN, Double.NaN, gxz, ez);
    }

    /** A sliding interlayer (normal stiffness E_z/h; NaN: stiff contact). */
    public static StackLayer sliding(String name, double zBottom, double zTop, double x0, double x1, double y0,
                                     double y1, double ez) {
        return new StackLayer(name, LayerTreatment.SLIDING, zBottom, zTop, x0, x1, y0, y1, Double.NaN, Double.NaN, 0, ez);
    }
}
