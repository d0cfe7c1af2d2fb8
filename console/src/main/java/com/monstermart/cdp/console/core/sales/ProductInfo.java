package com.monstermart.cdp.console.core.sales;

/**
 * What the console knows about a product from order lines; every field may be null.
 *
 * @param productId the source's product id
 * @param sku the stock-keeping unit (the key that joins the web shop's and the stores' lines)
 */
public record ProductInfo(String productId, String sku, String name, String category, String brand) {
    public static final ProductInfo UNKNOWN = new ProductInfo(null, null, null, null, null);

    /** This, with each missing field taken from {@code known}. */
    public ProductInfo completedBy(ProductInfo known) {
        if (known == null) {
            return this;
        }
        return new ProductInfo(
                either(productId, known.productId),
                either(sku, known.sku),
                either(name, known.name),
                either(category, known.category),
                either(brand, known.brand));
    }

    private static String either(String preferred, String otherwise) {
        return preferred != null ? preferred : otherwise;
    }

    /** What is known after seeing {@code seen}: its fields win where it has them (newest wins). */
    public ProductInfo learn(ProductInfo seen) {
        return seen == null ? this : seen.completedBy(this);
    }
}
