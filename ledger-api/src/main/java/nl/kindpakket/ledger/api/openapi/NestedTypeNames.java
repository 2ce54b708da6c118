package nl.kindpakket.ledger.api.openapi;

import io.swagger.v3.core.jackson.TypeNameResolver;

/**
 * Names a nested record's schema after its enclosing types ({@code SpendingLineReportTotal}), since the reports each
 * have a {@code Total} and a {@code Line}: by simple name alone their schemas would be merged into one.
 */
final class NestedTypeNames extends TypeNameResolver {

    @Override
    protected String getNameOfClass(Class<?> type) {
        String name = super.getNameOfClass(type);
        Class<?> enclosing = type.getEnclosingClass();
        return enclosing == null ? name : getNameOfClass(enclosing) + name;
    }
}
