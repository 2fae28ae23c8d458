package org.wafersim.errors;

/** The run's energy balance (power in against heat out and stored) is off by more than its tolerance. Exit code 1. */
public class EnergyBalanceException extends CheckFailedException {
    public EnergyBalanceException(String message) { super(message); }

    @Override public String kind() { return "energy_balance"; }
}
