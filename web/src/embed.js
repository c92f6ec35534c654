// NeuronLab's one script for pages: add it once, then use the widget elements.
//
//   <script type="module" src=".../embed.js"></script>
//   <nl-neuron inputs="0.5 -0.3 0.7" weights="0.5 -0.3 0.8" bias="0.1" activation="relu"></nl-neuron>
//
// Each import below defines one custom element; this list is the widget registry.
// The wasm core (nl_core.mjs and nl_core.wasm beside this file) loads when the
// first widget needs it.
import './widgets/nl-neuron.js';
import './widgets/nl-layer.js';
import './widgets/nl-batch.js';
import './widgets/nl-network.js';
import './widgets/nl-boundary.js';
import './widgets/nl-xor.js';
import './widgets/nl-activation.js';
import './exercises/nl-exercise.js';
