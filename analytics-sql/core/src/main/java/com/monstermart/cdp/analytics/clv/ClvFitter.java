package com.monstermart.cdp.analytics.clv;

import java.util.Collection;
import java.util.Optional;

/** Fits BG/NBD on every customer and, when there are amounts, Gamma-Gamma on the repeat customers. */
public final class ClvFitter {
    private final BgNbdFitter purchases = new BgNbdFitter();
    private final GammaGammaFitter spend = new GammaGammaFitter();

    /**
     * @param withSpend fit the spend model (the summaries' monetary values are meaningful)
     */
    public ClvFit fit(Collection<CustomerSummary> summaries, SpendModel withSpend) {
        BgNbdFit bgNbd = purchases.fit(summaries);
        Optional<GammaGammaFit> gammaGamma =
                withSpend == SpendModel.FIT ? Optional.of(spend.fit(summaries)) : Optional.empty();
        return new ClvFit(bgNbd, gammaGamma);
    }

    /** Whether to fit the spend model. */
    public enum SpendModel {
        FIT,
        SKIP
    }
}
