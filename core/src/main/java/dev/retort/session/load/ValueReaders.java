package dev.retort.session.load;

import java.util.Arrays;

import dev.retort.Attribute;
import dev.retort.Expr;
import dev.retort.RetortException;
import dev.retort.dialect.ColumnReader;
import dev.retort.dialect.Dialect;
import dev.retort.mapping.AttributeModel;
import dev.retort.mapping.EntityMappings;
import dev.retort.mapping.JavaTypes;
import dev.retort.sql.SqlType;

/** How to read the value of a selected expression from a result column, as the expression's Java type. */
public final class ValueReaders {
    private ValueReaders() {
    }

    public static ColumnReader of(Dialect dialect, Expr<?> expression) {
        if (expression instanceof Attribute<?, ?> attribute) {
            AttributeModel model = EntityMappings.of(attribute.entityType()).requireAttribute(attribute.name());
            ColumnReader stored = dialect.reader(model.storedType(), model.column().type().type(), model.column().type().scale());
            return (resultSet, index) -> model.fromStored(stored.read(resultSet, index));
        }
        return of(dialect, expression.javaType());
    }

    /** A reader for values of a Java type; {@code Object} reads what the driver gives. */
    public static ColumnReader of(Dialect dialect, Class<?> javaType) {
        if (javaType.isEnum()) {
            return (resultSet, index) -> enumConstant(javaType, resultSet.getObject(index));
        }
        SqlType type = JavaTypes.columnType(javaType);
        if (type == null) {
            return (resultSet, index) -> resultSet.getObject(index);
        }
        return dialect.reader(javaType, type, 0);
    }

    /** An enum read without its attribute's mapping (MIN of an enum column): by name, or by ordinal. */
    private static Object enumConstant(Class<?> enumType, Object stored) {
        if (stored == null) {
            return null;
        }
        Object[] constants = enumType.getEnumConstants();
        if (stored instanceof Number number && number.intValue() >= 0 && number.intValue() < constants.length) {
            return constants[number.intValue()];
        }
        for (Object constant : constants) {
            if (((Enum<?>) constant).name().equals(stored.toString())) {
                return constant;
            }
        }
        throw new RetortException("Cannot read '" + stored + "' as a constant of " + enumType.getName() + ". Constants: "
                + Arrays.toString(constants) + ".");
    }
}
