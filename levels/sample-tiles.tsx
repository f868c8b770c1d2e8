<?xml version="1.0" encoding="UTF-8"?>
<tileset version="1.10" name="sample" tilewidth="32" tileheight="32" tilecount="4" columns="4">
 <image source="sample-tiles.png" width="128" height="32"/>
 <tile id="1">
  <properties>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
</tileset>
