package dev.dbtls.jinja.jinjava;

import com.hubspot.jinjava.objects.serialization.PyishSerializable;
import java.util.ArrayList;
import java.util.Collection;

/**
 * A Python tuple: a list that prints with parentheses. PyishSerializable keeps Jinjava from
 * rewrapping it as a plain list when it is read back from a scope.
 */
final class PyTuple extends ArrayList<Object> implements PyishSerializable {
  PyTuple(Collection<?> items) {
    super(items);
  }
}
