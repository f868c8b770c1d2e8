<?xml version="1.0" encoding="UTF-8"?>
<tileset version="1.8" tiledversion="1.8.2" name="neon-decor" tilewidth="32" tileheight="32" tilecount="27" columns="8">
 <image source="neon-decor.png" width="256" height="128"/>
</tileset>
