package io.clipsearch.app.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clipsearch.app.tasks.BackgroundTasks;
import io.clipsearch.app.tasks.ManualDelay;
import java.awt.Component;
import java.awt.Container;
import java.util.List;
import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JComboBox;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.Test;

/** The rating list and "show rejected" box of the filters column, over the fake server. */
class FiltersPanelTest {

  @Test
  void theRatingListAndShowRejectedSetTheFiltersAndResetClearsThem() throws Exception {
    SwingUtilities.invokeAndWait(
        () -> {
          SearchViewModel vm =
              new SearchViewModel(
                  new SearchViewModelTest.FakeService(),
                  new BackgroundTasks(Runnable::run, Runnable::run),
                  new ManualDelay(),
                  new QueryHistory(List.of()));
          FiltersPanel panel = new FiltersPanel(vm, false);
          JComboBox<?> rating = (JComboBox<?>) named(panel, "minRating");
          JCheckBox rejected = (JCheckBox) named(panel, "showRejected");
          assertNull(vm.filters().minRating());
          assertFalse(vm.filters().showRejected());

          rating.setSelectedIndex(4);
          rejected.doClick();
          assertEquals(4, vm.filters().minRating());
          assertTrue(vm.filters().showRejected());
          assertEquals(Boolean.TRUE, vm.filters().toQuery("x", "c", 0, 10, true).rejected());

          ((JButton) named(panel, "resetFilters")).doClick();
          assertNull(vm.filters().minRating());
          assertFalse(vm.filters().showRejected());
        });
  }

  private static Component named(Container root, String name) {
    Component found = find(root, name);
    if (found == null) {
      throw new AssertionError("no component named " + name);
    }
    return found;
  }

  private static Component find(Container root, String name) {
    for (Component c : root.getComponents()) {
      if (name.equals(c.getName())) {
        return c;
      }
      if (c instanceof Container inner && find(inner, name) instanceof Component found) {
        return found;
      }
    }
    return null;
  }
}
