// The order in which a `.keras` file's `optimizer/vars/2, 3, …` hold an optimizer's slots.
//
// Keras numbers an optimizer's variables in the order its `build` creates them. Adam creates
// each weight's momentum and velocity together (`add_optimizer_variables(vars, ["momentum",
// "velocity"])`), so its slots go weight by weight: m₀ v₀ m₁ v₁ …. RMSprop creates all the
// velocities, then all the momentums, then all the mean gradients (one call per kind), so its
// slots go kind by kind: v₀ v₁ … m₀ m₁ … a₀ a₁ …. SGD has at most one slot per weight, where both
// orders agree. (Keras 3.15.1, `keras/src/optimizers/adam.py` and `rmsprop.py`.)

extension KerasFile {
  /// The optimizer's slots in the order Keras keeps them.
  static func kerasOrderedSlots(of optimizer: Optimizer) -> [Tensor] {
    guard optimizer.kerasGroupsSlotsByKind, let first = optimizer.slots.first else {
      return optimizer.slots.flatMap { $0 }
    }
    return first.indices.flatMap { kind in optimizer.slots.map { $0[kind] } }
  }

  /// The position in Keras's order, counted from the first slot, of slot `kind` of variable
  /// `variable`, for an optimizer with `variableCount` variables.
  static func kerasSlotIndex(kind: Int, variable: Int, variableCount: Int, of optimizer: Optimizer) -> Int {
    optimizer.kerasGroupsSlotsByKind
      ? kind * variableCount + variable : variable * optimizer.slotsPerVariable + kind
  }
}
