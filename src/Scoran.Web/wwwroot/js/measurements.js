// Submit page: fills the position from the browser's geolocation, and keeps a random
// installation id in local storage so the same phone counts as one contributor.
(function () {
    const installation = document.getElementById('installation-id');
    if (installation) {
        let id = null;
        try {
            id = localStorage.getItem('scoran-installation');
            if (!id) {
                id = crypto.randomUUID();
                localStorage.setItem('scoran-installation', id);
            }
        } catch (e) { /* private browsing: counted by address instead */ }
        if (id && !installation.value) { installation.value = id; }
    }

    const button = document.getElementById('locate');
    const status = document.getElementById('locate-status');
    if (!button || !('geolocation' in navigator)) { return; }
    button.hidden = false;
    button.addEventListener('click', function () {
        status.textContent = 'Recherche de la position…';
        navigator.geolocation.getCurrentPosition(function (p) {
            document.getElementById('lat').value = p.coords.latitude.toFixed(6);
            document.getElementById('lon').value = p.coords.longitude.toFixed(6);
            document.getElementById('accuracy').value = Math.round(p.coords.accuracy);
            status.textContent = 'Position trouvée (précision ' + Math.round(p.coords.accuracy) + ' m).';
        }, function (error) {
            status.textContent = 'Position indisponible : ' + error.message + '. Saisissez-la à la main.';
        }, { enableHighAccuracy: true, timeout: 15000 });
    });
})();
