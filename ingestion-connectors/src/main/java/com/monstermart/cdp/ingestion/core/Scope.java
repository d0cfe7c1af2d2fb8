package com.monstermart.cdp.ingestion.core;

/** Resolves the references of templates ({@code customer_id}, {@code before.status}, {@code cart.customer_id}). */
public interface Scope {
    /** The value the reference names; null when absent. */
    Object resolve(String reference) throws ValueException;

    /** How text is read in this scope. */
    ParseSettings settings();
}
