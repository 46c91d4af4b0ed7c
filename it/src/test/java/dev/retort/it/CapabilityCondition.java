package dev.retort.it;

import java.util.Optional;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/** Skips a {@link Requires} test on a database that lacks one of the capabilities it names. */
final class CapabilityCondition implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Optional<Requires> requires = context.getTestMethod()
                .flatMap(method -> AnnotationSupport.findAnnotation(method, Requires.class));
        if (requires.isEmpty()) {
            return ConditionEvaluationResult.enabled("no capability required");
        }
        Object instance = context.getTestInstance().orElse(null);
        if (!(instance instanceof OnDatabase)) {
            throw new ExtensionConfigurationException("@Requires on " + context.getRequiredTestMethod()
                    + " needs a test class that implements OnDatabase (and a per-class test instance). To fix this,"
                    + " extend DatabaseTest or implement OnDatabase.");
        }
        TestDatabase database = ((OnDatabase) instance).database();
        for (Capability capability : requires.get().value()) {
            if (!database.has(capability)) {
                return ConditionEvaluationResult.disabled("requires " + capability.description() + ", which "
                        + database.displayName() + " lacks");
            }
        }
        return ConditionEvaluationResult.enabled(database.displayName() + " has what the test requires");
    }
}
