// « Utiliser ma position »: offered only when the browser can locate; fills the hidden
// coordinates and submits, the server then answers as for a commune.
(function () {
  "use strict";
  const button = document.getElementById("ma-position");
  if (!button || !navigator.geolocation) return;
  button.hidden = false;
  button.addEventListener("click", function () {
    navigator.geolocation.getCurrentPosition(function (position) {
      document.getElementById("lat").value = position.coords.latitude.toFixed(6);
      document.getElementById("lon").value = position.coords.longitude.toFixed(6);
      document.getElementById("ou").value = "";
      button.form.submit();
    });
  });
})();
