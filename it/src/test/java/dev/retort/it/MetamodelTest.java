package dev.retort.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.ParameterizedType;

import org.junit.jupiter.api.Test;

import dev.retort.Attribute;
import dev.retort.it.model.Sample;
import dev.retort.it.model.Sample_;
import dev.retort.it.model.User;
import dev.retort.it.model.User_;

/** The metamodel javac generated for this module's entities, with retort-core merely on the class path. */
class MetamodelTest {
    @Test
    void userAttributesAreTypedByEntityAndValue() throws NoSuchFieldException {
        Attribute<User, Integer> age = User_.age;
        Attribute<User, String> name = User_.name;
        Attribute<User, Long> id = User_.id;
        assertThat(age.javaType()).isEqualTo(Integer.class);
        assertThat(name.javaType()).isEqualTo(String.class);
        assertThat(id.entityType()).isEqualTo(User.class);
        assertThat(((ParameterizedType) User_.class.getField("age").getGenericType()).getActualTypeArguments())
                .containsExactly(User.class, Integer.class);
    }

    @Test
    void inheritedPrimitiveEnumAndArrayFields() {
        Attribute<Sample, Integer> primitiveInt = Sample_.primitiveInt;
        Attribute<Sample, Sample.Color> color = Sample_.namedColor;
        Attribute<Sample, byte[]> data = Sample_.data;
        assertThat(primitiveInt.javaType()).isEqualTo(Integer.class);
        assertThat(color.javaType()).isEqualTo(Sample.Color.class);
        assertThat(data.javaType()).isEqualTo(byte[].class);
        assertThat(Sample_.createdAt.name()).as("from the @MappedSuperclass Audited").isEqualTo("createdAt");
    }
}
