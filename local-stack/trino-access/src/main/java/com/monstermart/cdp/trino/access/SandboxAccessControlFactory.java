package com.monstermart.cdp.trino.access;

import io.trino.spi.security.SystemAccessControl;
import io.trino.spi.security.SystemAccessControlFactory;
import java.util.Map;

/**
 * Creates the {@link SandboxAccessControl} from its properties file ({@code access-control.name=cdp-sandbox} and the
 * keys of {@link Sandboxes#fromConfig}).
 */
public final class SandboxAccessControlFactory implements SystemAccessControlFactory {
    public static final String NAME = "cdp-sandbox";

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public SystemAccessControl create(Map<String, String> config, SystemAccessControlContext context) {
        return new SandboxAccessControl(Sandboxes.fromConfig(config));
    }
}
