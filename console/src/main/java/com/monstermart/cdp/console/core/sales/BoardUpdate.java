package com.monstermart.cdp.console.core.sales;

/** What the aggregate tells the {@link SalesBoard}: a minute's new totals, or better knowledge of a product. */
public sealed interface BoardUpdate permits SalesTotal, ProductUpdate {}
