package org.wafersim.thermal;

/**
 * A model coupled to the conduction solve by outer iteration (e.g. coolant that warms along its path): after each
 * linear solve it reads the temperatures and the boundary-face conductances and updates the face ambients.
 */
public interface OuterCoupling {
    /**
     * @param t     cell temperatures (K)
     * @param gFace conductance of every boundary face of the last assembly (W/K)
     * @return the largest change it made to any ambient temperature (K)
     */
    double update(double[] t, double[] gFace);
}
