package dev.retort.cdi;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import dev.retort.jta.ReadOnlyTransactions;

/** Runs {@link ReadOnlyTransaction} methods with the thread marked read-only; the CDI extension and Quarkus register it. */
@ReadOnlyTransaction
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class ReadOnlyTransactionInterceptor {
    @AroundInvoke
    public Object markReadOnly(InvocationContext invocation) throws Exception {
        return ReadOnlyTransactions.call(invocation::proceed);
    }
}
