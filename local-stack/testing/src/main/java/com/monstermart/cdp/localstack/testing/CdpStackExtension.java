package com.monstermart.cdp.localstack.testing;

import com.monstermart.cdp.localstack.StackEndpoints;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/** The JUnit 5 side of {@link WithCdpStack}. */
public final class CdpStackExtension implements BeforeAllCallback, ParameterResolver {
    @Override
    public void beforeAll(ExtensionContext context) {
        String[] components = AnnotationSupport.findAnnotation(context.getRequiredTestClass(), WithCdpStack.class)
                .map(WithCdpStack::value)
                .orElse(new String[0]);
        CdpStack.get().require(components);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == CdpStack.class || type == StackEndpoints.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == CdpStack.class
                ? CdpStack.get()
                : CdpStack.get().endpoints();
    }
}
