package dev.dbtls.warehouse.bigquery;

import com.google.cloud.bigquery.BigQueryException;
import com.google.cloud.bigquery.FieldList;
import com.google.cloud.bigquery.FieldValueList;
import com.google.cloud.bigquery.Schema;
import com.google.cloud.bigquery.TableResult;
import dev.dbtls.warehouse.PreviewColumn;
import dev.dbtls.warehouse.QueryRows;
import dev.dbtls.warehouse.RunningQuery;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * A finished job's rows, read page by page as the preview asks: the client library fetches the next
 * page of the result table when the current one is used up, so only one page is in memory.
 */
final class BigQueryRows implements QueryRows {
  private final FieldList fields;
  private final List<PreviewColumn> columns = new ArrayList<>();
  private final Iterator<FieldValueList> rows;
  private final RunningQuery running;
  private FieldValueList current;

  BigQueryRows(TableResult result, RunningQuery running) {
    Schema schema = result.getSchema();
    this.fields = schema == null ? FieldList.of() : schema.getFields();
    fields.forEach(f -> columns.add(BigQueryValues.column(f)));
    this.rows = result.iterateAll().iterator();
    this.running = running;
  }

  @Override
  public List<PreviewColumn> columns() {
    return columns;
  }

  @Override
  public boolean next() throws SQLException {
    try {
      current = rows.hasNext() ? rows.next() : null;
      return current != null;
    } catch (BigQueryException e) {
      throw BigQueryEngine.failure(e);
    }
  }

  @Override
  public Object value(int index) {
    return BigQueryValues.value(fields.get(index), current.get(index));
  }

  @Override
  public RunningQuery running() {
    return running;
  }

  @Override
  public void close() {
    current = null; // the job is done; its result table expires on BigQuery's own schedule
  }
}
