package dev.dbtls.protocol;

import com.google.gson.annotations.JsonAdapter;
import org.eclipse.lsp4j.jsonrpc.validation.NonNull;

/**
 * Where a plan step's relation comes from in the model: {@code kind} ref, source, cte or upstream
 * (a parent inlined because it is not built, or a relation further up), the name as written, the
 * node it resolves to, and the range of the call or the CTE's name in {@code uri}.
 */
public record PlanLocation(
    @NonNull @JsonAdapter(WireEnum.class) PlanSourceKind kind,
    String name,
    String nodeId,
    String uri,
    Range range) {}
